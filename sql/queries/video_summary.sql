-- Dashboard query: one video's header — dimension row, current velocity and last-24h totals, at the bound watermark T.
-- T = :complete_through, the RT watermark the dashboard already knows (as in pulse_trending.sql; NULL = the
-- start of the current minute, what gold.rt_watermark answers before the first commit). For :video_id:
--   category, status, creator_id, duration_ms, upload_time   from dims.dim_videos (current row)
--   velocity_score, acceleration   as gold.rt_video_velocity at T, N = :window_minutes (0 without plays):
--                    velocity_score = plays in [T - N, T) / N; acceleration = (velocity - plays in [T - 2N, T - N) / N) / N
--   impressions_24h, plays_24h, finishes_24h, likes_24h, shares_24h
--                          = SUM over the video's gold.rt_video_stats_1min rows with window_start in [T - 24 h, T)
--                            (correction rows for late events included, as gold.rt_video_minute adds them)
--   completion_rate_24h    = finishes_24h / plays_24h
--   upload_ms              = dim upload_time, else the RT log's upload_ts
--   known                  = the video has a dimension row or any RT row in the last 24 h
-- Read from the log with T bound, not through the views: they would read meta.job_checkpoints for T
-- twice and scan behind those reads (see pulse_trending.sql).
WITH w AS (SELECT coalesce(:complete_through, date_trunc('minute', current_timestamp)) AS t),
d AS (
  SELECT video_id, creator_id, category, status, duration_ms, upload_time
  FROM lakehouse.dims.dim_videos
  WHERE video_id = :video_id
),
day AS (
  SELECT
    count(*) AS log_rows,
    sum(r.impressions) AS impressions,
    sum(r.play_start)  AS plays,
    sum(r.play_finish) AS finishes,
    sum(r.likes)       AS likes,
    sum(r.shares)      AS shares,
    max(r.upload_ts)   AS upload_ts,
    sum(IF(r.window_start >= w.t - :window_minutes * INTERVAL '1' MINUTE, r.play_start, 0)) AS plays_recent,
    sum(IF(r.window_start >= w.t - 2 * :window_minutes * INTERVAL '1' MINUTE
           AND r.window_start < w.t - :window_minutes * INTERVAL '1' MINUTE, r.play_start, 0)) AS plays_previous
  FROM lakehouse.gold.rt_video_stats_1min r
  CROSS JOIN w
  WHERE r.video_id = :video_id AND r.window_start >= w.t - INTERVAL '1' DAY AND r.window_start < w.t
)
SELECT
  (d.video_id IS NOT NULL OR day.log_rows > 0) AS known,
  d.creator_id,
  d.category,
  coalesce(d.status, 'active') AS status,
  d.duration_ms,
  to_unixtime(coalesce(d.upload_time, day.upload_ts)) * 1000 AS upload_ms,
  coalesce(CAST(day.plays_recent AS double) / :window_minutes, 0) AS velocity_score,
  coalesce((CAST(day.plays_recent AS double) - CAST(day.plays_previous AS double)) / (:window_minutes * :window_minutes), 0) AS acceleration,
  coalesce(day.impressions, 0) AS impressions_24h,
  coalesce(day.plays, 0)       AS plays_24h,
  coalesce(day.finishes, 0)    AS finishes_24h,
  coalesce(day.likes, 0)       AS likes_24h,
  coalesce(day.shares, 0)      AS shares_24h,
  CAST(day.finishes AS double) / nullif(day.plays, 0) AS completion_rate_24h,
  to_unixtime(w.t) * 1000 AS watermark_ms
FROM w
CROSS JOIN day
LEFT JOIN d ON TRUE
