-- Job statement: append one Kafka ingest checkpoint row to lakehouse.meta.ingest_checkpoints: state
-- 'started' before the batch's writes, 'committed' after them (the micro-batch's discipline).
-- job = 'kafka:<topic>'; detail = the batch's offset ranges as JSON, {"ranges":[[partition, from, to], …]}
-- (from inclusive, to exclusive); rows_written = rows written, dead_letters = records set aside.
INSERT INTO lakehouse.meta.ingest_checkpoints
  (job, batch_id, state, rows_written, dead_letters, recorded_at, detail)
VALUES
  (:job, :batch_id, :state, :rows_written, :dead_letters, current_timestamp, :detail)
