-- Dashboard query: one video's closed minutes over the last :range_minutes (at most 1440), dense.
-- From gold.rt_video_velocity_24h for :video_id, window_start in [T - :range_minutes min, T),
-- T = watermark. Per minute: impressions, play_start, play_finish, likes, shares (0 without traffic),
--   velocity_score(t) = plays of the N minutes ending at t / N
--   acceleration(t)   = (velocity_score(t) - velocity_score(t - N)) / N
--   completion_rate   = finishes / plays over the 15 minutes ending at t (NULL without plays): a
--                       single minute's ratio can pass 1, since a play finishes minutes after it starts
-- No rows when the video had no traffic in the last 24 hours; the watermark then comes from rt_watermark.sql.
SELECT
  to_unixtime(s.window_start) * 1000 AS minute_ms,
  s.impressions,
  s.play_start,
  s.play_finish,
  s.likes,
  s.shares,
  s.velocity_score,
  s.acceleration,
  CAST(sum(s.play_finish) OVER w15 AS double) / nullif(sum(s.play_start) OVER w15, 0) AS completion_rate,
  to_unixtime(w.complete_through) * 1000 AS watermark_ms
FROM lakehouse.gold.rt_video_velocity_24h s
CROSS JOIN lakehouse.gold.rt_watermark w
WHERE s.video_id = :video_id
  AND s.window_start >= w.complete_through - :range_minutes * INTERVAL '1' MINUTE
WINDOW w15 AS (ORDER BY s.window_start ROWS BETWEEN 14 PRECEDING AND CURRENT ROW)
ORDER BY s.window_start
