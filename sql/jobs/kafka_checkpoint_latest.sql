-- Job statement: a Kafka ingest job's checkpoint: its newest batch, whether it was committed (a
-- 'started' batch without 'committed' was interrupted) and its ranges (detail of the 'started' row,
-- which the 'committed' row repeats).
SELECT
  batch_id,
  bool_or(state = 'committed') AS committed,
  max_by(detail, recorded_at) AS detail
FROM lakehouse.meta.job_checkpoints
WHERE job = :job
GROUP BY batch_id
ORDER BY batch_id DESC
LIMIT 1
