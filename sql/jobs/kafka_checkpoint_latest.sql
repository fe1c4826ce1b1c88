-- Job statement: a Kafka ingest job's checkpoint: its newest batch, whether it was committed (a
-- 'started' batch without 'committed' was interrupted) and its ranges (detail of the 'started' row,
-- which the 'committed' row repeats).
-- From meta.ingest_checkpoints and, for a lakehouse whose consumers ran before that table existed,
-- the job's rows in meta.job_checkpoints (where they were written then; sql/ddl changes no data):
-- batch ids go on from the newest of either, so the newest batch over both is the checkpoint.
SELECT
  batch_id,
  bool_or(state = 'committed') AS committed,
  max_by(detail, recorded_at) AS detail
FROM (
  SELECT batch_id, state, detail, recorded_at FROM lakehouse.meta.ingest_checkpoints WHERE job = :job
  UNION ALL
  SELECT batch_id, state, detail, recorded_at FROM lakehouse.meta.job_checkpoints WHERE job = :job
) c
GROUP BY batch_id
ORDER BY batch_id DESC
LIMIT 1
