-- Job statement: CDC upsert of lakehouse.dims.dim_videos (seed §3.2) from one batch of changes.
-- Reads one ingest batch of topic pulse.cdc.videos, the records with :from0 <= offset < :to0 that
-- view bronze.kafka_cdc_videos_checked takes (reason NULL): objects {video_id, creator_id, category, hashtags, duration_ms,
-- upload_ms, status, changed_ms}, each the full new row of a video at time changed_ms.
-- Per video the newest change of the batch wins, and it is applied only if it is newer than the
-- row's updated_at, so a re-delivered or out-of-order batch never moves a video back in time.
MERGE INTO lakehouse.dims.dim_videos t
USING (
  SELECT c.*
  FROM (
    SELECT c.*, row_number() OVER (PARTITION BY c.video_id ORDER BY c.changed_ms DESC) AS rn
    FROM lakehouse.bronze.kafka_cdc_videos_checked c WHERE c.kafka_partition = 0 AND c.kafka_offset >= :from0 AND c.kafka_offset < :to0 AND c.reason IS NULL
  ) c
  WHERE c.rn = 1
) s
ON t.video_id = s.video_id
WHEN MATCHED AND (t.updated_at IS NULL OR t.updated_at < from_unixtime(s.changed_ms / 1e3)) THEN UPDATE SET
  creator_id = s.creator_id, category = s.category, hashtags = s.hashtags, duration_ms = s.duration_ms,
  upload_time = from_unixtime(s.upload_ms / 1e3), status = s.status, updated_at = from_unixtime(s.changed_ms / 1e3)
WHEN NOT MATCHED THEN INSERT (video_id, creator_id, category, hashtags, duration_ms, upload_time, status, updated_at)
  VALUES (s.video_id, s.creator_id, s.category, s.hashtags, s.duration_ms, from_unixtime(s.upload_ms / 1e3), s.status, from_unixtime(s.changed_ms / 1e3))
