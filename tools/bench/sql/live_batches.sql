-- Benchmark statement: the real-time micro-batches with a checkpoint since :since, one row per
-- batch_id of job 'rt_video_stats_1min' in meta.job_checkpoints:
--   started_ms   = epoch ms of the recorded_at of its latest 'started' checkpoint (NULL if none since :since)
--   committed_ms = epoch ms of the recorded_at of its latest 'committed' checkpoint (NULL while it runs)
-- A batch's duration is committed_ms - started_ms (the measure rt_lag.sql uses); committed_ms is the
-- commit time the live benchmark compares a pushed delta (SSE id "b<batch_id>.…") with.
SELECT
  batch_id,
  to_unixtime(max(recorded_at) FILTER (WHERE state = 'started')) * 1000 AS started_ms,
  to_unixtime(max(recorded_at) FILTER (WHERE state = 'committed')) * 1000 AS committed_ms
FROM lakehouse.meta.job_checkpoints
WHERE job = 'rt_video_stats_1min' AND recorded_at >= :since
GROUP BY batch_id
ORDER BY batch_id
