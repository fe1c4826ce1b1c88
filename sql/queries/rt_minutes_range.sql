-- Dashboard query: per-minute sums of the real-time log over a closed range of minutes, for the
-- whole platform or one video: the past minutes that comparisons overlay, KPI tiles compare with and
-- week-old alert baselines read (lib/server/live/past-minutes.ts).
-- Inputs: :from, :to (instants; minutes with :from <= window_start < :to), :video_id (NULL: platform).
-- Formula, per window_start in [:from, :to):
--   t_ms = epoch ms of window_start
--   impressions, play_start, play_finish, likes, shares = SUM over every row of that minute (all
--     batches, correction rows included), as gold.rt_platform_minute / rt_video_minute add them up
-- Minutes with no row are absent; readers count them as zeros. Only callers' past ranges (below the
-- watermark) are asked for, so no open minute is read. The day partition prunes the scan to the range.
SELECT
  to_unixtime(r.window_start) * 1000 AS t_ms,
  sum(r.impressions) AS impressions,
  sum(r.play_start)  AS play_start,
  sum(r.play_finish) AS play_finish,
  sum(r.likes)       AS likes,
  sum(r.shares)      AS shares
FROM lakehouse.gold.rt_video_stats_1min r
WHERE r.window_start >= :from
  AND r.window_start < :to
  AND (:video_id IS NULL OR r.video_id = :video_id)
GROUP BY r.window_start
