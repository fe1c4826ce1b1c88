-- Job statement: append one progress row of the history seed to lakehouse.meta.job_checkpoints:
-- job 'seed', batch_id = :run_id (the run's start, epoch ms), ingested_from = :history_from (H0, a
-- UTC midnight), ingested_through = :history_until (H1), complete_through = :written_through (Bronze
-- holds the history up to here), state 'started' while running, 'committed' when the seed is done.
-- meta.seed_progress derives days_done = date_diff('day', H0, written_through) of
-- days_total = date_diff('day', H0, H1) from these rows, for the dashboard's "loading history" state.
INSERT INTO lakehouse.meta.job_checkpoints
  (job, batch_id, state, ingested_from, ingested_through, complete_through, events_counted, recorded_at, detail)
VALUES
  ('seed', :run_id, :state, :history_from, :history_until, :written_through, :events, current_timestamp, :detail)
