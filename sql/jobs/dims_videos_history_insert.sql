-- Job statement: SCD2 history of videos — add one version per change of the batch to
-- lakehouse.dims.dim_videos_history, valid from changed_ms. A version already present (same
-- video_id and valid_from) is not added again, so re-applying a batch changes nothing.
-- valid_to is set afterwards by dims_videos_history_close.
MERGE INTO lakehouse.dims.dim_videos_history h
USING (
  SELECT DISTINCT c.video_id, c.creator_id, c.category, c.hashtags, c.duration_ms,
         from_unixtime(c.upload_ms / 1e3) AS upload_time, c.status, from_unixtime(c.changed_ms / 1e3) AS valid_from
  FROM UNNEST(CAST(json_parse(:changes) AS array(row(video_id varchar, creator_id varchar, category varchar, hashtags array(varchar), duration_ms bigint, upload_ms bigint, status varchar, changed_ms bigint)))) AS c
) s
ON h.video_id = s.video_id AND h.valid_from = s.valid_from
WHEN NOT MATCHED THEN INSERT (video_id, creator_id, category, hashtags, duration_ms, upload_time, status, valid_from, valid_to)
  VALUES (s.video_id, s.creator_id, s.category, s.hashtags, s.duration_ms, s.upload_time, s.status, s.valid_from, NULL)
