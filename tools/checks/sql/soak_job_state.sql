-- Check (chaos soak): each job's newest batch in lakehouse.meta.job_checkpoints: whether it is
-- committed, and when its last checkpoint row was written (epoch ms). A newest batch left
-- 'started' for minutes is a stuck job.
WITH per_batch AS (
  SELECT job, batch_id, bool_or(state = 'committed') AS committed, max(recorded_at) AS recorded_at
  FROM lakehouse.meta.job_checkpoints
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
