-- Dashboard query: freshness of each Gold table for /api/health, from the job checkpoints, and the
-- Kafka ingest's dead letters; one statement, since every open page's health dot is served from it.
--   rt_complete_through_ms    = gold.rt_watermark.complete_through (RT log closed and aggregated up to
--                               here) once a micro-batch has committed, else NULL (history still loading;
--                               the view's fallback to the clock closes nothing)
--   rt_last_commit_ms         = recorded_at of the newest committed 'rt_video_stats_1min' micro-batch
--                               (NULL before the first: the RT log is loading)
--   seed_days_done, seed_days_total = meta.seed_progress of the newest seed run while it has not
--                               finished (NULL when no seed is running)
--   daily_complete_through_ms = end of the newest UTC day built into gold.batch_video_daily
--   daily_last_commit_ms      = recorded_at of that newest committed 'gold_daily' run
--   dead_letters              = count(*) of lakehouse.bronze.dead_letters (every record the ingest set
--                               aside, any topic)
--   last_dead_ms              = max(dead_at): when the newest was set aside (NULL when there is none)
--   now_ms                    = Trino's clock
WITH rt AS (
  SELECT max(recorded_at) AS last_commit
  FROM lakehouse.meta.job_checkpoints
  WHERE job = 'rt_video_stats_1min' AND state = 'committed'
)
SELECT
  IF(rt.last_commit IS NOT NULL, (SELECT to_unixtime(complete_through) * 1000 FROM lakehouse.gold.rt_watermark)) AS rt_complete_through_ms,
  to_unixtime(rt.last_commit) * 1000 AS rt_last_commit_ms,
  (SELECT days_done FROM lakehouse.meta.seed_progress WHERE NOT finished) AS seed_days_done,
  (SELECT days_total FROM lakehouse.meta.seed_progress WHERE NOT finished) AS seed_days_total,
  (SELECT to_unixtime(max(complete_through)) * 1000 FROM lakehouse.meta.job_checkpoints
    WHERE job = 'gold_daily' AND state = 'committed') AS daily_complete_through_ms,
  (SELECT to_unixtime(max(recorded_at)) * 1000 FROM lakehouse.meta.job_checkpoints
    WHERE job = 'gold_daily' AND state = 'committed') AS daily_last_commit_ms,
  (SELECT count(*) FROM lakehouse.bronze.dead_letters) AS dead_letters,
  (SELECT to_unixtime(max(dead_at)) * 1000 FROM lakehouse.bronze.dead_letters) AS last_dead_ms,
  to_unixtime(current_timestamp) * 1000 AS now_ms
FROM rt
