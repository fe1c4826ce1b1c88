-- View lakehouse.gold.rt_platform_minute: platform-wide totals per closed 1-minute window.
-- Formula, per window_start (closed minutes only, via gold.rt_video_minute):
--   impressions, play_start, play_finish, likes, shares = SUM over all videos
--   active_videos   = number of videos with any row in that minute
--   completion_rate = play_finish / play_start (NULL when play_start = 0)
-- Minutes without any traffic have no row; readers fill them with zeros.
-- A filter on window_start passes through the GROUP BY to the scan (day-partition pruning).
CREATE OR REPLACE VIEW lakehouse.gold.rt_platform_minute
SECURITY DEFINER
AS
SELECT
  window_start,
  sum(impressions) AS impressions,
  sum(play_start)  AS play_start,
  sum(play_finish) AS play_finish,
  sum(likes)       AS likes,
  sum(shares)      AS shares,
  count(*)         AS active_videos,
  CAST(sum(play_finish) AS double) / nullif(sum(play_start), 0) AS completion_rate
FROM lakehouse.gold.rt_video_minute
GROUP BY window_start
