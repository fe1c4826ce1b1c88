-- Attach test fixture, the other team's own data: 1-minute rows around the watermark :t (the team's
-- pipeline writes no batch_id). Columns: window_start, video_id, impressions, play_start, play_finish,
-- likes, shares, upload_ts, batch_id, source_system.
--   v_alpha: t-1m (30 plays), t-10m (15 plays, plus a correction row of 10 impressions and 1 share),
--            t-20m (9 plays, the previous velocity window)
--   v_beta : t-5m (6 plays); t itself (1000 plays), a minute not yet closed, which no view may count
--   v_gamma: t-2m (100 plays), banned
INSERT INTO warehouse_prod.gold.rt_video_stats_1min
VALUES
  (:t - INTERVAL '1' MINUTE,  'v_alpha', 100, 30, 12, 5, 2, :t - INTERVAL '48' HOUR, NULL, 'team-flink'),
  (:t - INTERVAL '10' MINUTE, 'v_alpha', 50,  15, 6,  1, 0, :t - INTERVAL '48' HOUR, NULL, 'team-flink'),
  (:t - INTERVAL '10' MINUTE, 'v_alpha', 10,  0,  0,  0, 1, :t - INTERVAL '48' HOUR, NULL, 'team-flink'),
  (:t - INTERVAL '20' MINUTE, 'v_alpha', 40,  9,  3,  0, 0, :t - INTERVAL '48' HOUR, NULL, 'team-flink'),
  (:t - INTERVAL '5' MINUTE,  'v_beta',  20,  6,  2,  3, 1, :t - INTERVAL '24' HOUR, NULL, 'team-flink'),
  (:t,                        'v_beta',  1000, 1000, 0, 0, 0, :t - INTERVAL '24' HOUR, NULL, 'team-flink'),
  (:t - INTERVAL '2' MINUTE,  'v_gamma', 200, 100, 50, 9, 9, :t - INTERVAL '1' HOUR, NULL, 'team-flink')
