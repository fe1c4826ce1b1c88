-- Job statement: append one Kafka ingest checkpoint row to lakehouse.meta.job_checkpoints: state
-- 'started' before the batch's writes, 'committed' after them (the micro-batch's discipline).
-- job = 'kafka:<topic>'; detail = the batch's offset ranges as JSON, {"ranges":[[partition, from, to], …]}
-- (from inclusive, to exclusive); rows_written = Bronze rows, events_counted = dead letters.
INSERT INTO lakehouse.meta.job_checkpoints
  (job, batch_id, state, ingested_from, ingested_through, complete_through, rows_written, events_counted, recorded_at, detail)
VALUES
  (:job, :batch_id, :state, NULL, NULL, NULL, :rows_written, :dead_letters, current_timestamp, :detail)
