-- Job statement: SCD2 history of videos — add one version per change of the batch to
-- lakehouse.dims.dim_videos_history, valid from changed_ms. A version already present (same
-- video_id and valid_from) is not added again, so re-applying a batch changes nothing.
-- valid_to is set afterwards by dims_videos_history_close.
MERGE INTO lakehouse.dims.dim_videos_history h
USING (
  SELECT DISTINCT c.video_id, c.creator_id, c.category, c.hashtags, c.duration_ms,
         from_unixtime(c.upload_ms / 1e3) AS upload_time, c.status, from_unixtime(c.changed_ms / 1e3) AS valid_from
  FROM lakehouse.bronze.kafka_cdc_videos_checked c WHERE c.kafka_partition = 0 AND c.kafka_offset >= :from0 AND c.kafka_offset < :to0 AND c.reason IS NULL
) s
ON h.video_id = s.video_id AND h.valid_from = s.valid_from
WHEN NOT MATCHED THEN INSERT (video_id, creator_id, category, hashtags, duration_ms, upload_time, status, valid_from, valid_to)
  VALUES (s.video_id, s.creator_id, s.category, s.hashtags, s.duration_ms, s.upload_time, s.status, s.valid_from, NULL)
