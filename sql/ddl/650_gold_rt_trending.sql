-- View lakehouse.gold.rt_trending: the trending ranking inputs for every video with recent traffic.
-- From gold.rt_video_velocity (N-minute velocity and acceleration) and dims.dim_videos (category, status):
--   age_hours      = (complete_through - upload_ts) in hours, upload_ts from the RT log
--                    (dim_videos.upload_time when the log has none), floored at 0
--   freshness      = 2 ^ (-age_hours / 48)                    -- halves every 48 hours since upload
--   trending_score = velocity_score * freshness               -- plays/min, discounted by age
--   play_rate      = play_start_recent / impressions_recent   -- NULL without impressions
-- Banned videos are excluded. Rank with ORDER BY trending_score DESC.
CREATE OR REPLACE VIEW lakehouse.gold.rt_trending
SECURITY DEFINER
AS
WITH scored AS (
  SELECT
    v.video_id,
    d.category,
    coalesce(d.status, 'active') AS status,
    coalesce(v.upload_ts, d.upload_time) AS upload_ts,
    greatest(date_diff('millisecond', coalesce(v.upload_ts, d.upload_time), v.complete_through), 0) / 3600000.0 AS age_hours,
    v.velocity_score,
    v.acceleration,
    v.impressions_recent,
    v.play_start_recent,
    v.play_finish_recent,
    v.likes_recent,
    v.shares_recent,
    v.complete_through
  FROM lakehouse.gold.rt_video_velocity v
  LEFT JOIN lakehouse.dims.dim_videos d ON d.video_id = v.video_id
)
SELECT
  s.*,
  power(2e0, -s.age_hours / 48) AS freshness,
  s.velocity_score * power(2e0, -s.age_hours / 48) AS trending_score,
  CAST(s.play_start_recent AS double) / nullif(s.impressions_recent, 0) AS play_rate
FROM scored s
WHERE s.status <> 'banned'
