-- Dashboard query: the trending table — videos with recent traffic ranked by :sort.
-- From gold.rt_trending (banned videos already excluded), optionally only :category (NULL = all):
--   velocity_score = plays in the last N closed minutes / N      (N = the views' velocity window)
--   acceleration   = (velocity - velocity of the N minutes before) / N
--   trending_score = velocity_score * 2^(-age_hours / 48)
-- :sort is 'velocity', 'acceleration' or 'trending' (a value, never an identifier); ties by video_id.
-- total_videos = how many videos matched before :limit. No rows when none did; the watermark then
-- comes from rt_watermark.sql. category, upload_ms, age_hours and trending_score are NULL for a
-- video whose dimension row has not arrived (no upload time known); age_hours is a DECIMAL.
WITH w AS (SELECT complete_through AS t FROM lakehouse.gold.rt_watermark),
ranked AS (
  SELECT
    r.*,
    count(*) OVER () AS total_videos,
    row_number() OVER (ORDER BY
      CASE :sort WHEN 'acceleration' THEN r.acceleration WHEN 'trending' THEN r.trending_score ELSE r.velocity_score END DESC,
      r.video_id) AS rank
  FROM lakehouse.gold.rt_trending r
  WHERE (:category IS NULL OR r.category = :category)
)
SELECT
  k.rank,
  k.video_id,
  k.category,
  to_unixtime(k.upload_ts) * 1000 AS upload_ms,
  k.age_hours,
  k.velocity_score,
  k.acceleration,
  k.trending_score,
  k.impressions_recent,
  k.play_start_recent,
  k.likes_recent,
  k.shares_recent,
  k.total_videos,
  to_unixtime(w.t) * 1000 AS watermark_ms
FROM ranked k
CROSS JOIN w
WHERE k.rank <= :limit
ORDER BY k.rank
