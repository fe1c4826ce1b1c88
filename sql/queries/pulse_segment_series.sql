-- Dashboard query: one segment's totals per minute (the Pulse chart under the cross-filter: a
-- category and/or a creator), over a range of closed minutes of at most a day.
-- Inputs as pulse_platform_series.sql (:range_minutes, :range_start, :range_end; minute buckets
-- only), plus :category and :creator (NULL: not filtered on).
-- A video belongs to the segment by its dims.dim_videos row as it is now (category and creator
-- rarely change; Silver's event-time join is for the daily marts).
--   lo = coalesce(:range_start, T - :range_minutes minutes),  hi = least(coalesce(:range_end, T), T)
--   counters        = SUM over the segment's videos of gold.rt_video_minute, per minute in [lo, hi)
--                     (dense: a minute without traffic is 0; nothing at or after T is drawn)
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
  SELECT
    m.window_start,
    sum(m.impressions) AS impressions,
    sum(m.play_start)  AS play_start,
    sum(m.play_finish) AS play_finish,
    sum(m.likes)       AS likes,
    sum(m.shares)      AS shares
  FROM lakehouse.gold.rt_video_minute m
  JOIN lakehouse.dims.dim_videos d ON d.video_id = m.video_id
  CROSS JOIN bounds b
  WHERE m.window_start >= b.lo AND m.window_start < b.hi
    AND (:category IS NULL OR d.category = :category)
    AND (:creator IS NULL OR d.creator_id = :creator)
  GROUP BY m.window_start
)
SELECT
  to_unixtime(g.window_start) * 1000 AS bucket_ms,
  1 AS minutes,
  coalesce(x.impressions, 0) AS impressions,
  coalesce(x.play_start, 0)  AS play_start,
  coalesce(x.play_finish, 0) AS play_finish,
  coalesce(x.likes, 0)       AS likes,
  coalesce(x.shares, 0)      AS shares,
  CAST(x.play_finish AS double) / nullif(x.play_start, 0) AS completion_rate,
  to_unixtime(g.t) * 1000 AS watermark_ms
FROM grid g
LEFT JOIN traffic x ON x.window_start = g.window_start
ORDER BY g.window_start
