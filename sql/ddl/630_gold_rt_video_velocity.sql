-- View lakehouse.gold.rt_video_velocity: current velocity and acceleration of every video.
-- N = {{velocity_window_minutes}} minutes (PULSE_VELOCITY_WINDOW_MINUTES, default 15). T = rt_watermark.complete_through.
-- Recent window R = the last N closed minutes [T - N min, T); previous window P = [T - 2N min, T - N min).
--   velocity_score = plays(R) / N                               -- play_start events per minute
--   acceleration   = (plays(R) / N - plays(P) / N) / N          -- change of velocity per minute, per minute
-- Only closed minutes count (the open minute and unprocessed minutes are >= T). Missing minutes count as 0.
-- Videos with no row in R or P are absent. The recent-window counters (impressions_recent, ...)
-- are sums over R.
CREATE OR REPLACE VIEW lakehouse.gold.rt_video_velocity
SECURITY DEFINER
AS
WITH w AS (SELECT complete_through AS t_end FROM lakehouse.gold.rt_watermark)
SELECT
  m.video_id,
  max(m.upload_ts) AS upload_ts,
  CAST(sum(IF(m.window_start >= w.t_end - {{velocity_window_minutes}} * INTERVAL '1' MINUTE, m.play_start, 0)) AS double)
    / {{velocity_window_minutes}} AS velocity_score,
  (CAST(sum(IF(m.window_start >= w.t_end - {{velocity_window_minutes}} * INTERVAL '1' MINUTE, m.play_start, 0)) AS double)
   - CAST(sum(IF(m.window_start < w.t_end - {{velocity_window_minutes}} * INTERVAL '1' MINUTE, m.play_start, 0)) AS double))
    / ({{velocity_window_minutes}} * {{velocity_window_minutes}}) AS acceleration,
  sum(IF(m.window_start >= w.t_end - {{velocity_window_minutes}} * INTERVAL '1' MINUTE, m.impressions, 0)) AS impressions_recent,
  sum(IF(m.window_start >= w.t_end - {{velocity_window_minutes}} * INTERVAL '1' MINUTE, m.play_start, 0))  AS play_start_recent,
  sum(IF(m.window_start >= w.t_end - {{velocity_window_minutes}} * INTERVAL '1' MINUTE, m.play_finish, 0)) AS play_finish_recent,
  sum(IF(m.window_start >= w.t_end - {{velocity_window_minutes}} * INTERVAL '1' MINUTE, m.likes, 0))       AS likes_recent,
  sum(IF(m.window_start >= w.t_end - {{velocity_window_minutes}} * INTERVAL '1' MINUTE, m.shares, 0))      AS shares_recent,
  w.t_end AS complete_through
FROM lakehouse.gold.rt_video_minute m
CROSS JOIN w
WHERE m.window_start >= w.t_end - 2 * {{velocity_window_minutes}} * INTERVAL '1' MINUTE
GROUP BY m.video_id, w.t_end
