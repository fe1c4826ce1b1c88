-- Dashboard query: the trending table — videos with recent traffic ranked by :sort, at the bound watermark T.
-- T = :complete_through, the RT watermark the dashboard already knows (its live watcher's last read of
-- gold.rt_watermark); NULL = the start of the current minute, which is what that view answers before the
-- first micro-batch has committed. The numbers are those of gold.rt_trending / gold.rt_video_velocity at T
-- (lib/server/queries/bound-watermark.itest.ts checks that they agree), computed here from the log itself:
--   minute(video, m)  = SUM of gold.rt_video_stats_1min rows of (video_id, window_start = m)  (corrections added)
--   velocity_score    = plays in the last N closed minutes [T - N, T) / N       (N = :window_minutes)
--   acceleration      = (velocity - plays in [T - 2N, T - N) / N) / N
--   age_hours         = (T - upload), upload = the log's upload_ts, else dims.dim_videos.upload_time; floored at 0
--   trending_score    = velocity_score * 2^(-age_hours / 48)
--   baseline_velocity = plays in the same N minutes one day earlier / N  (0 when the video had no plays then)
--   velocity_change   = velocity_score - baseline_velocity                 (plays/min above its day-earlier pace)
-- Banned videos are left out; optionally only :category and/or only the videos of :creator
-- (dims.dim_videos.creator_id; NULL = all). :sort is 'velocity', 'acceleration', 'trending' or 'change'
-- (a value, never an identifier); ties by video_id. total_videos = how many videos matched before :limit.
-- For the rows shown (rank <= :limit), the second phase: the 60-minute sparkline: spark_ago[i] = minutes
-- before T of a closed minute with plays (1..60), spark_plays[i] = its plays; minutes without a row are 0.
-- Why T is bound rather than read through the views: through them one statement reads gold.rt_watermark
-- (meta.job_checkpoints) six times, and the log's scans wait for those reads as dynamic filters. With T a
-- constant the time bounds are static and no checkpoint is read (demo instance: 1.8 s -> 0.5 s of Trino).
-- No rows when nothing matched; the watermark then comes from rt_watermark.sql. category, upload_ms,
-- age_hours and trending_score are NULL for a video with no upload time known; age_hours is a DECIMAL.
WITH w AS (SELECT coalesce(:complete_through, date_trunc('minute', current_timestamp)) AS t),
minutes AS (
  SELECT r.video_id, r.window_start, max(r.upload_ts) AS upload_ts, sum(r.impressions) AS impressions,
         sum(r.play_start) AS play_start, sum(r.likes) AS likes, sum(r.shares) AS shares
  FROM lakehouse.gold.rt_video_stats_1min r
  CROSS JOIN w
  WHERE r.window_start >= w.t - 2 * :window_minutes * INTERVAL '1' MINUTE AND r.window_start < w.t
  GROUP BY r.video_id, r.window_start
),
velocity AS (
  SELECT
    m.video_id,
    max(m.upload_ts) AS upload_ts,
    CAST(sum(IF(m.window_start >= w.t - :window_minutes * INTERVAL '1' MINUTE, m.play_start, 0)) AS double) / :window_minutes AS velocity_score,
    (CAST(sum(IF(m.window_start >= w.t - :window_minutes * INTERVAL '1' MINUTE, m.play_start, 0)) AS double)
     - CAST(sum(IF(m.window_start < w.t - :window_minutes * INTERVAL '1' MINUTE, m.play_start, 0)) AS double))
      / (:window_minutes * :window_minutes) AS acceleration,
    sum(IF(m.window_start >= w.t - :window_minutes * INTERVAL '1' MINUTE, m.impressions, 0)) AS impressions_recent,
    sum(IF(m.window_start >= w.t - :window_minutes * INTERVAL '1' MINUTE, m.play_start, 0))  AS play_start_recent,
    sum(IF(m.window_start >= w.t - :window_minutes * INTERVAL '1' MINUTE, m.likes, 0))       AS likes_recent,
    sum(IF(m.window_start >= w.t - :window_minutes * INTERVAL '1' MINUTE, m.shares, 0))      AS shares_recent
  FROM minutes m
  CROSS JOIN w
  GROUP BY m.video_id
),
day_before AS (
  SELECT r.video_id, CAST(sum(r.play_start) AS double) / :window_minutes AS baseline_velocity
  FROM lakehouse.gold.rt_video_stats_1min r
  CROSS JOIN w
  WHERE r.window_start >= w.t - INTERVAL '1' DAY - :window_minutes * INTERVAL '1' MINUTE
    AND r.window_start < w.t - INTERVAL '1' DAY
  GROUP BY r.video_id
),
candidates AS (
  SELECT
    v.*,
    dv.category,
    coalesce(v.upload_ts, dv.upload_time) AS upload_at,
    greatest(date_diff('millisecond', coalesce(v.upload_ts, dv.upload_time), w.t), 0) / 3600000.0 AS age_hours,
    dv.creator_id,
    dv.hashtags,
    coalesce(b.baseline_velocity, 0e0) AS baseline_velocity,
    v.velocity_score - coalesce(b.baseline_velocity, 0e0) AS velocity_change
  FROM velocity v
  CROSS JOIN w
  LEFT JOIN day_before b ON b.video_id = v.video_id
  LEFT JOIN lakehouse.dims.dim_videos dv ON dv.video_id = v.video_id
  WHERE coalesce(dv.status, 'active') <> 'banned'
    AND (:category IS NULL OR dv.category = :category)
    AND (:creator IS NULL OR dv.creator_id = :creator)
),
ranked AS (
  SELECT
    c.*,
    c.velocity_score * power(2e0, -c.age_hours / 48) AS trending_score,
    count(*) OVER () AS total_videos,
    row_number() OVER (ORDER BY
      CASE :sort
        WHEN 'acceleration' THEN c.acceleration
        WHEN 'trending' THEN c.velocity_score * power(2e0, -c.age_hours / 48)
        WHEN 'change' THEN c.velocity_change
        ELSE c.velocity_score END DESC,
      c.video_id) AS rank
  FROM candidates c
),
shown AS (SELECT * FROM ranked WHERE rank <= :limit),
spark AS (
  SELECT
    m.video_id,
    array_agg(CAST(date_diff('minute', m.window_start, w.t) AS integer) ORDER BY m.window_start) AS spark_ago,
    array_agg(m.play_start ORDER BY m.window_start) AS spark_plays
  FROM (
    SELECT r.video_id, r.window_start, sum(r.play_start) AS play_start
    FROM lakehouse.gold.rt_video_stats_1min r
    CROSS JOIN w
    WHERE r.window_start >= w.t - INTERVAL '60' MINUTE AND r.window_start < w.t
    GROUP BY r.video_id, r.window_start
  ) m
  CROSS JOIN w
  GROUP BY m.video_id
)
SELECT
  k.rank,
  k.video_id,
  k.category,
  to_unixtime(k.upload_at) * 1000 AS upload_ms,
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
  to_unixtime(w.t) * 1000 AS watermark_ms
FROM shown k
CROSS JOIN w
LEFT JOIN spark sp ON sp.video_id = k.video_id
ORDER BY k.rank
