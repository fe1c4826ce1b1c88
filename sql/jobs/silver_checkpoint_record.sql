-- Job statement: Silver daily, last step — append the 'committed' checkpoint of date :date to
-- lakehouse.meta.job_checkpoints: job 'silver_daily', batch_id = yyyymmdd, complete_through =
-- :date + 1 day 00:00 UTC (every event before it is in Silver). Gold's retention_d1 of the day
-- before waits for this row.
INSERT INTO lakehouse.meta.job_checkpoints (job, batch_id, state, complete_through, rows_written, recorded_at, detail)
VALUES ('silver_daily', :batch_id, 'committed', with_timezone(CAST(:date + INTERVAL '1' DAY AS timestamp(6)), 'UTC'), :rows_written, current_timestamp, :detail)
