-- Dashboard query: platform totals per time bucket over a range of closed minutes (Pulse chart).
-- The dashboard runs it per minute, for ranges up to a day; beyond that it runs
-- pulse_platform_series_long.sql (quarter-hour rollup), tested to return exactly this statement's
-- 'hour' rows (this grid stops at 10,000 minutes: Trino's sequence() limit).
-- Inputs: :range_minutes (a preset, counted back from the watermark; 0 for a custom range),
--   :range_start / :range_end (a custom range as instants; NULL for a preset),
--   :bucket ('minute' or 'hour'), :tz (IANA zone that hour buckets follow).
-- T = gold.rt_watermark.complete_through (minutes before T are closed and aggregated).
--   lo = coalesce(:range_start, T - :range_minutes minutes),  hi = least(coalesce(:range_end, T), T)
-- Every minute in [lo, hi) counts; a minute without traffic counts as 0 (dense grid), and nothing
-- at or after T is drawn, so the still-open minute never shows as a drop.
--   bucket_ms       = the minute, or the start of its hour in :tz, as epoch milliseconds
--   counters        = SUM over the bucket's minutes of gold.rt_platform_minute
--   completion_rate = play_finish / play_start (NULL without plays)
WITH w AS (SELECT complete_through AS t FROM lakehouse.gold.rt_watermark),
bounds AS (
  SELECT
    coalesce(:range_start, w.t - :range_minutes * INTERVAL '1' MINUTE) AS lo,
    least(coalesce(:range_end, w.t), w.t) AS hi,
    w.t
  FROM w
),
grid AS (
  SELECT b.lo + g.i * INTERVAL '1' MINUTE AS window_start, b.t
  FROM bounds b
  CROSS JOIN UNNEST(
    IF(b.hi > b.lo, sequence(0, date_diff('minute', b.lo, b.hi) - 1), CAST(ARRAY[] AS array(bigint)))
  ) AS g (i)
),
traffic AS (
  SELECT p.window_start, p.impressions, p.play_start, p.play_finish, p.likes, p.shares
  FROM lakehouse.gold.rt_platform_minute p
  CROSS JOIN bounds b
  WHERE p.window_start >= b.lo AND p.window_start < b.hi
),
bucketed AS (
  SELECT
    IF(:bucket = 'hour', date_trunc('hour', g.window_start AT TIME ZONE :tz), g.window_start) AS bucket_start,
    g.t,
    coalesce(m.impressions, 0) AS impressions,
    coalesce(m.play_start, 0)  AS play_start,
    coalesce(m.play_finish, 0) AS play_finish,
    coalesce(m.likes, 0)       AS likes,
    coalesce(m.shares, 0)      AS shares
  FROM grid g
  LEFT JOIN traffic m ON m.window_start = g.window_start
)
SELECT
  to_unixtime(bucket_start) * 1000 AS bucket_ms,
  count(*)          AS minutes,
  sum(impressions)  AS impressions,
  sum(play_start)   AS play_start,
  sum(play_finish)  AS play_finish,
  sum(likes)        AS likes,
  sum(shares)       AS shares,
  CAST(sum(play_finish) AS double) / nullif(sum(play_start), 0) AS completion_rate,
  to_unixtime(t) * 1000 AS watermark_ms
FROM bucketed
GROUP BY bucket_start, t
ORDER BY bucket_start
