-- Dashboard query: platform totals per hour of :tz over a range longer than a day (Pulse chart), read
-- from the quarter-hour rollup gold.rt_platform_15min instead of up to 10,080 minutes of the RT log.
-- Same inputs, rows and meaning as the hour path of pulse_platform_series.sql:
--   :range_minutes (a preset counted back from T; 0 for a custom range), :range_start / :range_end
--   (a custom range's instants; NULL for a preset), :tz (IANA zone the hours follow).
--   T = gold.rt_watermark.complete_through, lo = coalesce(:range_start, T - :range_minutes min),
--   hi = least(coalesce(:range_end, T), T); every minute in [lo, hi) counts, nothing at or after T.
--   bucket_ms = start of the hour in :tz, dense (an hour without traffic is a row of zeros)
--   minutes   = the bucket's minutes inside [lo, hi)
--   counters  = SUM over the bucket of every log row of gold.rt_video_stats_1min in [lo, hi)
--   completion_rate = play_finish / play_start (NULL without plays)
-- How each log row is counted, exactly once. With q(x) = the UTC quarter-hour of x,
--   b = least(first quarter boundary >= lo, hi), c = greatest(last quarter boundary <= hi, b),
--   R = the rollup's newest batch_id (every batch <= R is in the rollup, sql/jobs/rt_rollup_insert.sql):
--   * windows in [b, c), whole quarter-hours: the rollup's rows, plus log rows of batches > R or
--     without batch_id (normally none: a batch between its Gold and rollup writes, or rows another
--     writer appended, e.g. an attached lakehouse's own pipeline);
--   * windows in [lo, b) and [c, hi), the partial quarter-hours at the edges (a custom range starts
--     and ends at any minute): the log's rows, at most 14 minutes each.
-- Every zone's offset and DST shift is a multiple of 15 minutes, so a UTC quarter-hour lies inside one
-- hour of :tz and the hours are exact sums of quarters. The quarters are the grid: per quarter
-- s (q(lo) <= s < hi), minutes = date_diff('minute', greatest(s, lo), least(s + 15 min, hi)).
WITH w AS (SELECT complete_through AS t FROM lakehouse.gold.rt_watermark),
bounds AS (
  SELECT
    coalesce(:range_start, w.t - :range_minutes * INTERVAL '1' MINUTE) AS lo,
    least(coalesce(:range_end, w.t), w.t) AS hi,
    w.t
  FROM w
),
rounded AS (
  SELECT
    b.lo, b.hi, b.t,
    from_unixtime(floor(to_unixtime(b.lo) / 900) * 900) AS q_lo,   -- q(lo)
    from_unixtime(ceil(to_unixtime(b.lo) / 900) * 900)  AS lo_up,  -- first quarter boundary >= lo
    from_unixtime(floor(to_unixtime(b.hi) / 900) * 900) AS hi_down -- last quarter boundary <= hi
  FROM bounds b
),
quarters AS (
  SELECT lo, hi, t, q_lo, least(lo_up, hi) AS b, greatest(hi_down, least(lo_up, hi)) AS c
  FROM rounded
),
grid AS (
  SELECT
    k.q_lo + g.i * INTERVAL '15' MINUTE AS slot,
    k.lo, k.hi, k.t
  FROM quarters k
  CROSS JOIN UNNEST(
    IF(k.hi > k.lo, sequence(0, (date_diff('minute', k.q_lo, k.hi) + 14) / 15 - 1), CAST(ARRAY[] AS array(bigint)))
  ) AS g (i)
),
-- R; while the rollup is empty, the smallest bigint but one, so that every batch is read from the log.
rolled AS (SELECT coalesce(max(batch_id), -9223372036854775807) AS r FROM lakehouse.gold.rt_platform_15min),
traffic AS (
  SELECT p.window_start AS slot, p.impressions, p.play_start, p.play_finish, p.likes, p.shares
  FROM lakehouse.gold.rt_platform_15min p
  CROSS JOIN quarters k
  WHERE p.window_start >= k.b AND p.window_start < k.c
  UNION ALL
  SELECT from_unixtime(floor(to_unixtime(l.window_start) / 900) * 900), l.impressions, l.play_start, l.play_finish, l.likes, l.shares
  FROM lakehouse.gold.rt_video_stats_1min l
  CROSS JOIN quarters k
  CROSS JOIN rolled
  WHERE l.window_start >= k.b AND l.window_start < k.c AND l.batch_id > rolled.r
  UNION ALL
  SELECT from_unixtime(floor(to_unixtime(l.window_start) / 900) * 900), l.impressions, l.play_start, l.play_finish, l.likes, l.shares
  FROM lakehouse.gold.rt_video_stats_1min l
  CROSS JOIN quarters k
  WHERE l.window_start >= k.b AND l.window_start < k.c AND l.batch_id IS NULL
  UNION ALL
  SELECT from_unixtime(floor(to_unixtime(l.window_start) / 900) * 900), l.impressions, l.play_start, l.play_finish, l.likes, l.shares
  FROM lakehouse.gold.rt_video_stats_1min l
  CROSS JOIN quarters k
  WHERE l.window_start >= k.lo AND l.window_start < k.b
  UNION ALL
  SELECT from_unixtime(floor(to_unixtime(l.window_start) / 900) * 900), l.impressions, l.play_start, l.play_finish, l.likes, l.shares
  FROM lakehouse.gold.rt_video_stats_1min l
  CROSS JOIN quarters k
  WHERE l.window_start >= k.c AND l.window_start < k.hi
),
per_slot AS (
  SELECT slot, sum(impressions) AS impressions, sum(play_start) AS play_start, sum(play_finish) AS play_finish, sum(likes) AS likes, sum(shares) AS shares
  FROM traffic
  GROUP BY slot
),
bucketed AS (
  SELECT
    date_trunc('hour', g.slot AT TIME ZONE :tz) AS bucket_start,
    g.t,
    date_diff('minute', greatest(g.slot, g.lo), least(g.slot + INTERVAL '15' MINUTE, g.hi)) AS minutes,
    coalesce(s.impressions, 0) AS impressions,
    coalesce(s.play_start, 0)  AS play_start,
    coalesce(s.play_finish, 0) AS play_finish,
    coalesce(s.likes, 0)       AS likes,
    coalesce(s.shares, 0)      AS shares
  FROM grid g
  LEFT JOIN per_slot s ON s.slot = g.slot
)
SELECT
  to_unixtime(bucket_start) * 1000 AS bucket_ms,
  sum(minutes)      AS minutes,
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
