-- Dashboard query: one video's rows of the daily mart gold.batch_video_daily, newest first, at most :limit.
-- Per UTC date: category_at_date (frozen at the day's end), watch_hours = total_watch_time_hrs,
-- completion_rate (finished / started (session, video) pairs), unique_viewers (HyperLogLog),
-- retention_d1 (share of the day's viewers who played anything the next UTC day; NULL until known).
SELECT
  CAST(date AS varchar) AS date,
  category_at_date,
  total_watch_time_hrs AS watch_hours,
  CAST(completion_rate AS double) AS completion_rate,
  unique_viewers,
  CAST(retention_d1 AS double) AS retention_d1
FROM lakehouse.gold.batch_video_daily
WHERE video_id = :video_id
ORDER BY date DESC
LIMIT :limit
