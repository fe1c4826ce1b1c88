-- View lakehouse.gold.rt_video_velocity_24h: per video, every closed minute of the last 24 hours,
-- dense (a minute without traffic is a row of zeros), with the velocity and acceleration *as of*
-- that minute. N = {{velocity_window_minutes}}, T = rt_watermark.complete_through, minutes t in [T - 24 h, T).
-- With p(t) = play_start in minute t (0 if none):
--   velocity_score(t) = ( p(t) + p(t-1) + ... + p(t-N+1) ) / N
--   acceleration(t)   = ( velocity_score(t) - velocity_score(t-N) ) / N
-- so the row at t = T - 1 min equals gold.rt_video_velocity. Videos are those with any row in
-- [T - 24 h - 2N min, T). Filter on video_id: it passes through the window functions (their
-- PARTITION BY) to the table scan, which then reads one bucket of the last days' partitions.
CREATE OR REPLACE VIEW lakehouse.gold.rt_video_velocity_24h
SECURITY DEFINER
AS
WITH w AS (SELECT complete_through AS t_end FROM lakehouse.gold.rt_watermark),
grid AS (
  SELECT w.t_end - (i + 1) * INTERVAL '1' MINUTE AS window_start
  FROM w
  CROSS JOIN UNNEST(sequence(0, 1440 + 2 * {{velocity_window_minutes}} - 1)) AS g (i)
),
videos AS (
  SELECT DISTINCT m.video_id
  FROM lakehouse.gold.rt_video_minute m
  CROSS JOIN w
  WHERE m.window_start >= w.t_end - (1440 + 2 * {{velocity_window_minutes}}) * INTERVAL '1' MINUTE
),
dense AS (
  SELECT
    v.video_id,
    g.window_start,
    m.upload_ts,
    coalesce(m.impressions, 0) AS impressions,
    coalesce(m.play_start, 0)  AS play_start,
    coalesce(m.play_finish, 0) AS play_finish,
    coalesce(m.likes, 0)       AS likes,
    coalesce(m.shares, 0)      AS shares
  FROM videos v
  CROSS JOIN grid g
  LEFT JOIN lakehouse.gold.rt_video_minute m
    ON m.video_id = v.video_id AND m.window_start = g.window_start
),
rolled AS (
  SELECT
    d.*,
    sum(play_start) OVER (PARTITION BY video_id ORDER BY window_start
      ROWS BETWEEN {{velocity_window_minutes}} - 1 PRECEDING AND CURRENT ROW) AS plays_recent,
    sum(play_start) OVER (PARTITION BY video_id ORDER BY window_start
      ROWS BETWEEN 2 * {{velocity_window_minutes}} - 1 PRECEDING AND {{velocity_window_minutes}} PRECEDING) AS plays_previous
  FROM dense d
)
SELECT
  r.video_id,
  r.window_start,
  r.impressions,
  r.play_start,
  r.play_finish,
  r.likes,
  r.shares,
  CAST(r.plays_recent AS double) / {{velocity_window_minutes}} AS velocity_score,
  (CAST(r.plays_recent AS double) - CAST(coalesce(r.plays_previous, 0) AS double))
    / ({{velocity_window_minutes}} * {{velocity_window_minutes}}) AS acceleration
FROM rolled r
CROSS JOIN w
WHERE r.window_start >= w.t_end - INTERVAL '1440' MINUTE
