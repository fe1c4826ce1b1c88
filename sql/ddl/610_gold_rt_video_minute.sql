-- View lakehouse.gold.rt_video_minute: one row per (video_id, closed 1-minute window).
-- Formula: for each (video_id, window_start) with window_start < rt_watermark.complete_through,
--   every counter = SUM over all rows of gold.rt_video_stats_1min for that key
--   (the original row plus any correction rows written for late events), upload_ts = MAX(upload_ts).
-- Filters on video_id and window_start pass through the GROUP BY to the table scan, so Iceberg
-- prunes day(window_start) partitions and bucket(video_id, 16) buckets.
CREATE OR REPLACE VIEW lakehouse.gold.rt_video_minute
SECURITY DEFINER
AS
SELECT
  r.video_id,
  r.window_start,
  max(r.upload_ts)   AS upload_ts,
  sum(r.impressions) AS impressions,
  sum(r.play_start)  AS play_start,
  sum(r.play_finish) AS play_finish,
  sum(r.likes)       AS likes,
  sum(r.shares)      AS shares,
  count(*)           AS source_rows
FROM lakehouse.gold.rt_video_stats_1min r
WHERE r.window_start < (SELECT complete_through FROM lakehouse.gold.rt_watermark)
GROUP BY r.video_id, r.window_start
