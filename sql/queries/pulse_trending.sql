-- Dashboard query: the trending table — videos with recent traffic ranked by :sort.
-- From gold.rt_trending (banned videos already excluded), optionally only :category and/or only the
-- videos of :creator (dims.dim_videos.creator_id; NULL = all):
--   velocity_score = plays in the last N closed minutes / N      (N = the views' velocity window)
--   acceleration   = (velocity - velocity of the N minutes before) / N
--   trending_score = velocity_score * 2^(-age_hours / 48)
--   baseline_velocity = plays in the same N minutes one day earlier / N   (N = :window_minutes, the
--                       views' velocity window; 0 when the video had no plays then)
--   velocity_change   = velocity_score - baseline_velocity                  (plays/min above its day-earlier pace)
-- :sort is 'velocity', 'acceleration', 'trending' or 'change' (a value, never an identifier); ties by video_id.
-- creator_id and hashtags come from the same dims.dim_videos join as the :creator filter (one join,
-- not a second one for the rows shown), and watermark_ms from rt_trending's complete_through (the
-- same rt_watermark), so the plan has one dimension scan and one watermark read fewer.
-- For the rows shown (rank <= :limit), the second phase: the 60-minute sparkline: spark_ago[i] =
-- minutes before T of a closed minute with plays (1..60), spark_plays[i] = its plays
-- (gold.rt_video_minute); minutes without a row are 0.
-- The sparkline is joined on the shown rows' ids (Trino's dynamic filter then reads only their
-- minutes); a subquery on the ranking there would compute the ranking twice.
-- total_videos = how many videos matched before :limit. No rows when none did; the watermark then
-- comes from rt_watermark.sql. category, upload_ms, age_hours and trending_score are NULL for a
-- video whose dimension row has not arrived (no upload time known); age_hours is a DECIMAL.
WITH w AS (SELECT complete_through AS t FROM lakehouse.gold.rt_watermark),
day_before AS (
  SELECT m.video_id, CAST(sum(m.play_start) AS double) / :window_minutes AS baseline_velocity
  FROM lakehouse.gold.rt_video_minute m
  CROSS JOIN w
  WHERE m.window_start >= w.t - INTERVAL '1' DAY - :window_minutes * INTERVAL '1' MINUTE
    AND m.window_start < w.t - INTERVAL '1' DAY
  GROUP BY m.video_id
),
candidates AS (
  SELECT r.*, dv.creator_id, dv.hashtags, coalesce(b.baseline_velocity, 0e0) AS baseline_velocity, r.velocity_score - coalesce(b.baseline_velocity, 0e0) AS velocity_change
  FROM lakehouse.gold.rt_trending r
  LEFT JOIN day_before b ON b.video_id = r.video_id
  LEFT JOIN lakehouse.dims.dim_videos dv ON dv.video_id = r.video_id
  WHERE (:category IS NULL OR r.category = :category)
    AND (:creator IS NULL OR dv.creator_id = :creator)
),
ranked AS (
  SELECT
    c.*,
    count(*) OVER () AS total_videos,
    row_number() OVER (ORDER BY
      CASE :sort WHEN 'acceleration' THEN c.acceleration WHEN 'trending' THEN c.trending_score WHEN 'change' THEN c.velocity_change ELSE c.velocity_score END DESC,
      c.video_id) AS rank
  FROM candidates c
),
shown AS (SELECT * FROM ranked WHERE rank <= :limit),
spark AS (
  SELECT
    m.video_id,
    array_agg(CAST(date_diff('minute', m.window_start, w.t) AS integer) ORDER BY m.window_start) AS spark_ago,
    array_agg(m.play_start ORDER BY m.window_start) AS spark_plays
  FROM lakehouse.gold.rt_video_minute m
  CROSS JOIN w
  WHERE m.window_start >= w.t - INTERVAL '60' MINUTE
  GROUP BY m.video_id
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
  k.baseline_velocity,
  k.velocity_change,
  k.impressions_recent,
  k.play_start_recent,
  k.likes_recent,
  k.shares_recent,
  k.total_videos,
  k.creator_id,
  k.hashtags,
  sp.spark_ago,
  sp.spark_plays,
  to_unixtime(k.complete_through) * 1000 AS watermark_ms
FROM shown k
LEFT JOIN spark sp ON sp.video_id = k.video_id
ORDER BY k.rank
