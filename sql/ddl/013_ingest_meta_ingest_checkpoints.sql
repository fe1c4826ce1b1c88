-- Table lakehouse.meta.ingest_checkpoints (Pulse bookkeeping, not in the seed)
-- Append-only log of the Kafka consumers' progress, one job per topic ('kafka:<topic>'), with the
-- micro-batch's discipline: per batch k, state 'started' with its offset ranges, then the batch's
-- writes (one Iceberg commit each), then state 'committed'; the newest batch of a job is its checkpoint.
-- detail = the batch's offset ranges as JSON, {"ranges":[[partition, from, to], ...]} (from inclusive,
-- to exclusive); rows_written = rows the batch wrote, dead_letters = records it set aside.
-- Its own table, not meta.job_checkpoints: the consumers commit every few seconds, and the dashboard's
-- live watcher wakes on every commit of meta.job_checkpoints (whose rows move the dashboard's data),
-- so each ingest checkpoint cost it a watermark read, and every reader of the watermark more files.
-- Checkpoints written before this table existed stay in meta.job_checkpoints; the consumers read both
-- (sql/jobs/kafka_checkpoint_latest.sql).
CREATE TABLE IF NOT EXISTS lakehouse.meta.ingest_checkpoints (
  job          varchar,
  batch_id     bigint,
  state        varchar,                      -- started | committed
  rows_written bigint,
  dead_letters bigint,
  recorded_at  timestamp(6) with time zone,
  detail       varchar
)
WITH (format = 'PARQUET', format_version = 2, partitioning = ARRAY['job'])
