-- Check (chaos soak): the current row of every video (lakehouse.dims.dim_videos), times as epoch ms,
-- to compare with the last change of each video the producer sent.
SELECT
  video_id, creator_id, category, hashtags, duration_ms,
  to_unixtime(upload_time) * 1000 AS upload_ms, status, to_unixtime(updated_at) * 1000 AS changed_ms
FROM lakehouse.dims.dim_videos
