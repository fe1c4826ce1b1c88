-- Job statement: append one micro-batch checkpoint row ('started' before the Gold write,
-- 'committed' after it) to lakehouse.meta.job_checkpoints.
INSERT INTO lakehouse.meta.job_checkpoints
  (job, batch_id, state, ingested_from, ingested_through, complete_through, rows_written, events_counted, recorded_at, detail)
VALUES
  ('rt_video_stats_1min', :batch_id, :state, :ingested_from, :ingested_through, :complete_through, :rows_written, :events_counted, current_timestamp, :detail)
