-- Check (chaos soak): each job's newest batch: whether it is committed, and when its last checkpoint
-- row was written (epoch ms). A newest batch left 'started' for minutes is a stuck job. Jobs from
-- lakehouse.meta.job_checkpoints (micro-batch, daily builds, seed) and lakehouse.meta.ingest_checkpoints
-- (the Kafka consumers, one job per topic).
WITH rows_of_all_jobs AS (
  SELECT job, batch_id, state, recorded_at FROM lakehouse.meta.job_checkpoints
  UNION ALL
  SELECT job, batch_id, state, recorded_at FROM lakehouse.meta.ingest_checkpoints
),
per_batch AS (
  SELECT job, batch_id, bool_or(state = 'committed') AS committed, max(recorded_at) AS recorded_at
  FROM rows_of_all_jobs
  GROUP BY job, batch_id
)
SELECT
  job,
  max(batch_id) AS batch_id,
  max_by(committed, batch_id) AS committed,
  to_unixtime(max_by(recorded_at, batch_id)) * 1000 AS recorded_ms
FROM per_batch
GROUP BY job
ORDER BY job
