-- Table lakehouse.meta.job_checkpoints (Pulse bookkeeping, not in the seed)
-- Append-only log of the pipeline jobs' progress; the latest row of a job is its checkpoint.
-- The 1-minute micro-batch (job 'rt_video_stats_1min') writes, per batch k:
--   1. state 'started'   with its input range: Bronze rows with ingested_from < ingested_at <= ingested_through;
--   2. its Gold rows, tagged batch_id = k (one atomic Iceberg commit);
--   3. state 'committed' with complete_through = T: every 1-minute window with window_start < T
--      is aggregated (late events may still add correction rows for older windows).
-- After a crash between 2 and 3 the next run sees 'started' without 'committed' and finishes batch
-- k from the Gold table itself (rows with batch_id = k present => written), so nothing is lost or
-- counted twice. The read-time views take the watermark from the latest 'committed' row.
CREATE TABLE IF NOT EXISTS lakehouse.meta.job_checkpoints (
  job              varchar,
  batch_id         bigint,
  state            varchar,                      -- started | committed
  ingested_from    timestamp(6) with time zone,  -- exclusive
  ingested_through timestamp(6) with time zone,  -- inclusive
  complete_through timestamp(6) with time zone,
  rows_written     bigint,
  events_counted   bigint,
  recorded_at      timestamp(6) with time zone,
  detail           varchar
)
WITH (format = 'PARQUET', format_version = 2, partitioning = ARRAY['job'])
