-- Dashboard query: the KPI tiles under the cross-filter: one segment (:category and/or :creator,
-- NULL = not filtered on; membership by dims.dim_videos as it is now) over a range of at most a day,
-- the same range 24 hours earlier (prev_) and 7 days earlier (week_).
-- Range [lo, hi) as in pulse_kpis.sql. From gold.rt_video_minute, for each period:
--   impressions, play_start, play_finish, likes, shares = SUM over the segment's videos
--   completion_rate = play_finish / play_start; likes_per_1k = 1000 * likes / impressions;
--   shares_per_1k = 1000 * shares / impressions          (NULL when the denominator is 0)
WITH w AS (SELECT complete_through AS t FROM lakehouse.gold.rt_watermark),
bounds AS (
  SELECT
    coalesce(:range_start, w.t - :range_minutes * INTERVAL '1' MINUTE) AS lo,
    least(coalesce(:range_end, w.t), w.t) AS hi,
    w.t
  FROM w
),
seg AS (
  SELECT
    m.impressions, m.play_start, m.play_finish, m.likes, m.shares,
    CASE
      WHEN m.window_start >= b.lo AND m.window_start < b.hi THEN 'now'
      WHEN m.window_start >= b.lo - INTERVAL '1' DAY AND m.window_start < b.hi - INTERVAL '1' DAY THEN 'prev'
      WHEN m.window_start >= b.lo - INTERVAL '7' DAY AND m.window_start < b.hi - INTERVAL '7' DAY THEN 'week'
    END AS period
  FROM lakehouse.gold.rt_video_minute m
  JOIN lakehouse.dims.dim_videos d ON d.video_id = m.video_id
  CROSS JOIN bounds b
  WHERE m.window_start >= b.lo - INTERVAL '7' DAY AND m.window_start < b.hi
    AND (:category IS NULL OR d.category = :category)
    AND (:creator IS NULL OR d.creator_id = :creator)
),
sums AS (
  SELECT
    b.lo, b.hi, b.t,
    coalesce(sum(IF(s.period = 'now', s.impressions)), 0)  AS impressions,
    coalesce(sum(IF(s.period = 'now', s.play_start)), 0)   AS play_start,
    coalesce(sum(IF(s.period = 'now', s.play_finish)), 0)  AS play_finish,
    coalesce(sum(IF(s.period = 'now', s.likes)), 0)        AS likes,
    coalesce(sum(IF(s.period = 'now', s.shares)), 0)       AS shares,
    coalesce(sum(IF(s.period = 'prev', s.impressions)), 0) AS prev_impressions,
    coalesce(sum(IF(s.period = 'prev', s.play_start)), 0)  AS prev_play_start,
    coalesce(sum(IF(s.period = 'prev', s.play_finish)), 0) AS prev_play_finish,
    coalesce(sum(IF(s.period = 'prev', s.likes)), 0)       AS prev_likes,
    coalesce(sum(IF(s.period = 'prev', s.shares)), 0)      AS prev_shares,
    coalesce(sum(IF(s.period = 'week', s.impressions)), 0) AS week_impressions,
    coalesce(sum(IF(s.period = 'week', s.play_start)), 0)  AS week_play_start,
    coalesce(sum(IF(s.period = 'week', s.play_finish)), 0) AS week_play_finish,
    coalesce(sum(IF(s.period = 'week', s.likes)), 0)       AS week_likes,
    coalesce(sum(IF(s.period = 'week', s.shares)), 0)      AS week_shares
  FROM bounds b
  LEFT JOIN seg s ON true
  GROUP BY b.lo, b.hi, b.t
)
SELECT
  to_unixtime(lo) * 1000 AS range_start_ms,
  to_unixtime(hi) * 1000 AS range_end_ms,
  impressions, play_start, play_finish, likes, shares,
  CAST(play_finish AS double) / nullif(play_start, 0) AS completion_rate,
  1000e0 * likes / nullif(impressions, 0)             AS likes_per_1k,
  1000e0 * shares / nullif(impressions, 0)            AS shares_per_1k,
  prev_impressions, prev_play_start, prev_play_finish, prev_likes, prev_shares,
  CAST(prev_play_finish AS double) / nullif(prev_play_start, 0) AS prev_completion_rate,
  1000e0 * prev_likes / nullif(prev_impressions, 0)             AS prev_likes_per_1k,
  1000e0 * prev_shares / nullif(prev_impressions, 0)            AS prev_shares_per_1k,
  week_impressions, week_play_start, week_play_finish, week_likes, week_shares,
  CAST(week_play_finish AS double) / nullif(week_play_start, 0) AS week_completion_rate,
  1000e0 * week_likes / nullif(week_impressions, 0)             AS week_likes_per_1k,
  1000e0 * week_shares / nullif(week_impressions, 0)            AS week_shares_per_1k,
  to_unixtime(t) * 1000 AS watermark_ms
FROM sums
