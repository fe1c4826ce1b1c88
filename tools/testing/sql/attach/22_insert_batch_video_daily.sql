-- Attach test fixture, the other team's own data: the daily mart of 2026-11-20 and 2026-11-21.
--   v_alpha: 11-20 watch 1.5 h, plays 10 started / 4 finished, viewers {u1,u2,u3}, D1 retention 0.5
--            11-21 watch 2.25 h, plays 6 / 3, viewers {u3,u4}, retention not yet known
--   v_beta : 11-20 watch 0.75 h, plays 3 / 1, viewers {u5}, D1 retention 1
INSERT INTO warehouse_prod.gold.batch_video_daily
  (date, video_id, category_at_date, total_watch_time_hrs, completion_rate, unique_viewers, retention_d1, viewers_hll, updated_at, plays_started, plays_finished)
SELECT d.date, d.video_id, d.category, d.watch_hrs, d.completion, d.viewers, d.retention, h.hll, TIMESTAMP '2026-11-22 09:00:00 UTC', d.started, d.finished
FROM (
  VALUES
    (DATE '2026-11-20', 'v_alpha', 'Gaming', 1.5e0,  REAL '0.4',  BIGINT '3', REAL '0.5',          BIGINT '10', BIGINT '4'),
    (DATE '2026-11-21', 'v_alpha', 'Gaming', 2.25e0, REAL '0.5',  BIGINT '2', CAST(NULL AS real), BIGINT '6',  BIGINT '3'),
    (DATE '2026-11-20', 'v_beta',  'Beauty', 0.75e0, REAL '0.33', BIGINT '1', REAL '1',            BIGINT '3',  BIGINT '1')
) AS d (date, video_id, category, watch_hrs, completion, viewers, retention, started, finished)
JOIN (
  SELECT date, video_id, CAST(approx_set(user_id) AS varbinary) AS hll
  FROM (
    VALUES
      (DATE '2026-11-20', 'v_alpha', 'u1'), (DATE '2026-11-20', 'v_alpha', 'u2'), (DATE '2026-11-20', 'v_alpha', 'u3'),
      (DATE '2026-11-21', 'v_alpha', 'u3'), (DATE '2026-11-21', 'v_alpha', 'u4'),
      (DATE '2026-11-20', 'v_beta', 'u5')
  ) AS v (date, video_id, user_id)
  GROUP BY date, video_id
) AS h ON h.date = d.date AND h.video_id = d.video_id
