-- Job statement: Gold daily, last step — append the 'committed' checkpoint of date :date to
-- lakehouse.meta.job_checkpoints: job 'gold_daily', batch_id = yyyymmdd, complete_through =
-- :date + 1 day 00:00 UTC. The live runner reads these rows to find the dates still to build.
INSERT INTO lakehouse.meta.job_checkpoints (job, batch_id, state, complete_through, rows_written, recorded_at, detail)
VALUES ('gold_daily', :batch_id, 'committed', with_timezone(CAST(:date + INTERVAL '1' DAY AS timestamp(6)), 'UTC'), :rows_written, current_timestamp, :detail)
