-- View lakehouse.meta.seed_progress: how far the newest `lakehouse seed` run has loaded history.
-- The seed (lib/pipeline/runner/backfill.ts) appends rows of job 'seed' to meta.job_checkpoints
-- (sql/jobs/seed_progress_record.sql), all rows of one run sharing batch_id = the run's start, epoch ms:
--   ingested_from    = H0, the UTC midnight history starts at; ingested_through = H1, where it ends (then)
--   complete_through = how far history has been written to Bronze; state 'started' while running,
--   'committed' once the whole seed (Bronze, micro-batch, daily marts) is done.
-- Formula, over the rows of the newest run (largest batch_id):
--   days_total = whole days from H0 to H1 = date_diff('day', H0, H1)       (the seed's --days)
--   days_done  = whole days written       = date_diff('day', H0, max(complete_through))
--   finished   = the run has a 'committed' row;  updated_at = its newest recorded_at
-- No row when no seed ever ran (a lakehouse filled only by live traffic, or empty).
CREATE OR REPLACE VIEW lakehouse.meta.seed_progress
SECURITY DEFINER
AS
SELECT
  batch_id AS run_id,
  date_diff('day', max(ingested_from), max(ingested_through)) AS days_total,
  date_diff('day', max(ingested_from), max(complete_through)) AS days_done,
  bool_or(state = 'committed') AS finished,
  max(recorded_at) AS updated_at
FROM lakehouse.meta.job_checkpoints
WHERE job = 'seed'
GROUP BY batch_id
ORDER BY batch_id DESC
LIMIT 1
