-- Dashboard query: one video's header — dimension row, current velocity and last-24h totals.
-- For :video_id, T = gold.rt_watermark.complete_through:
--   category, status, creator_id, duration_ms, upload_time   from dims.dim_videos (current row)
--   velocity_score, acceleration                             from gold.rt_video_velocity (0 when absent)
--   impressions_24h, plays_24h, finishes_24h, likes_24h, shares_24h
--                          = SUM over gold.rt_video_minute with window_start in [T - 24 h, T)
--   completion_rate_24h    = finishes_24h / plays_24h
--   upload_ms              = dim upload_time, else the RT log's upload_ts
--   known                  = the video has a dimension row or any RT row in the last 24 h
WITH w AS (SELECT complete_through AS t FROM lakehouse.gold.rt_watermark),
d AS (
  SELECT video_id, creator_id, category, status, duration_ms, upload_time
  FROM lakehouse.dims.dim_videos
  WHERE video_id = :video_id
),
v AS (
  SELECT velocity_score, acceleration
  FROM lakehouse.gold.rt_video_velocity
  WHERE video_id = :video_id
),
day AS (
  SELECT
    count(*) AS minutes_with_traffic,
    sum(m.impressions) AS impressions,
    sum(m.play_start)  AS plays,
    sum(m.play_finish) AS finishes,
    sum(m.likes)       AS likes,
    sum(m.shares)      AS shares,
    max(m.upload_ts)   AS upload_ts
  FROM lakehouse.gold.rt_video_minute m
  CROSS JOIN w
  WHERE m.video_id = :video_id AND m.window_start >= w.t - INTERVAL '1' DAY
)
SELECT
  (d.video_id IS NOT NULL OR day.minutes_with_traffic > 0) AS known,
  d.creator_id,
  d.category,
  coalesce(d.status, 'active') AS status,
  d.duration_ms,
  to_unixtime(coalesce(d.upload_time, day.upload_ts)) * 1000 AS upload_ms,
  coalesce(v.velocity_score, 0) AS velocity_score,
  coalesce(v.acceleration, 0)   AS acceleration,
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
LEFT JOIN v ON TRUE
