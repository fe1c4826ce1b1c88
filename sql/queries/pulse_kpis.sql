-- Dashboard query: Pulse KPI tiles for a range and for the same range 24 hours earlier.
-- Range [lo, hi) as in pulse_platform_series.sql (T = watermark; lo = coalesce(:range_start,
-- T - :range_minutes min), hi = least(coalesce(:range_end, T), T)); previous = [lo - 1 day, hi - 1 day).
-- From gold.rt_platform_minute, for each period:
--   impressions, play_start, play_finish, likes, shares = SUM
--   completion_rate   = play_finish / play_start
--   likes_per_1k      = 1000 * likes / impressions
--   shares_per_1k     = 1000 * shares / impressions        (NULL when the denominator is 0)
-- Columns of the previous period carry the prefix prev_.
WITH w AS (SELECT complete_through AS t FROM lakehouse.gold.rt_watermark),
bounds AS (
  SELECT
    coalesce(:range_start, w.t - :range_minutes * INTERVAL '1' MINUTE) AS lo,
    least(coalesce(:range_end, w.t), w.t) AS hi,
    w.t
  FROM w
),
periods AS (
  SELECT
    b.lo, b.hi, b.t,
    sum(IF(p.window_start >= b.lo AND p.window_start < b.hi, p.impressions, 0)) AS impressions,
    sum(IF(p.window_start >= b.lo AND p.window_start < b.hi, p.play_start, 0))  AS play_start,
    sum(IF(p.window_start >= b.lo AND p.window_start < b.hi, p.play_finish, 0)) AS play_finish,
    sum(IF(p.window_start >= b.lo AND p.window_start < b.hi, p.likes, 0))       AS likes,
    sum(IF(p.window_start >= b.lo AND p.window_start < b.hi, p.shares, 0))      AS shares,
    sum(IF(p.window_start < b.hi - INTERVAL '1' DAY, p.impressions, 0)) AS prev_impressions,
    sum(IF(p.window_start < b.hi - INTERVAL '1' DAY, p.play_start, 0))  AS prev_play_start,
    sum(IF(p.window_start < b.hi - INTERVAL '1' DAY, p.play_finish, 0)) AS prev_play_finish,
    sum(IF(p.window_start < b.hi - INTERVAL '1' DAY, p.likes, 0))       AS prev_likes,
    sum(IF(p.window_start < b.hi - INTERVAL '1' DAY, p.shares, 0))      AS prev_shares
  FROM bounds b
  LEFT JOIN lakehouse.gold.rt_platform_minute p
    ON p.window_start >= b.lo - INTERVAL '1' DAY AND p.window_start < b.hi
  GROUP BY b.lo, b.hi, b.t
)
SELECT
  to_unixtime(lo) * 1000 AS range_start_ms,
  to_unixtime(hi) * 1000 AS range_end_ms,
  coalesce(impressions, 0) AS impressions,
  coalesce(play_start, 0)  AS play_start,
  coalesce(play_finish, 0) AS play_finish,
  coalesce(likes, 0)       AS likes,
  coalesce(shares, 0)      AS shares,
  CAST(play_finish AS double) / nullif(play_start, 0)      AS completion_rate,
  1000e0 * likes / nullif(impressions, 0)                  AS likes_per_1k,
  1000e0 * shares / nullif(impressions, 0)                 AS shares_per_1k,
  coalesce(prev_impressions, 0) AS prev_impressions,
  coalesce(prev_play_start, 0)  AS prev_play_start,
  coalesce(prev_play_finish, 0) AS prev_play_finish,
  coalesce(prev_likes, 0)       AS prev_likes,
  coalesce(prev_shares, 0)      AS prev_shares,
  CAST(prev_play_finish AS double) / nullif(prev_play_start, 0) AS prev_completion_rate,
  1000e0 * prev_likes / nullif(prev_impressions, 0)            AS prev_likes_per_1k,
  1000e0 * prev_shares / nullif(prev_impressions, 0)           AS prev_shares_per_1k,
  to_unixtime(t) * 1000 AS watermark_ms
FROM periods
