-- Table lakehouse.gold.batch_platform_daily (platform daily mart: how well the platform as a whole keeps its viewers)
-- Pattern: aggregated state, one row per UTC date with any Silver event on a video, upserted by the
-- Gold daily job (sql/jobs/gold_platform_daily_*). Additive: every count sums over dates, and the
-- sketch merges, so any range is computed from these rows alone.
--   unique_viewers       : cardinality(viewers_hll), approximate distinct users with a play_start that day
--   viewers_hll          : HyperLogLog of those users as varbinary (ranges: cardinality(merge(CAST(viewers_hll AS HyperLogLog))))
--   cohort_viewers       : EXACT count of those users: the D1 retention cohort
--   retained_viewers     : EXACT count of the cohort with a play_start (any video) on date + 1 day;
--                          NULL until date + 1 day is complete in Silver
--   retention_d1         : retained_viewers / cohort_viewers (NULL while unknown or without viewers).
--                          A range's retention is sum(retained_viewers) / sum(cohort_viewers). It is
--                          NOT a viewer-weighted mean of per-video retention_d1: a user who watched
--                          two videos is one member of the platform cohort, not two.
--   plays_started        : (session, video) pairs with a play_start; plays_finished: those also with a play_finish
--   total_watch_time_hrs : sum(watch_time_ms) / 3.6e6 over events on a video
--   updated_at           : when the row last changed (a re-run that changes nothing leaves it alone)
CREATE TABLE IF NOT EXISTS lakehouse.gold.batch_platform_daily (
  date                 date,
  unique_viewers       bigint,
  viewers_hll          varbinary,
  cohort_viewers       bigint,
  retained_viewers     bigint,
  retention_d1         double,
  plays_started        bigint,
  plays_finished       bigint,
  total_watch_time_hrs double,
  updated_at           timestamp(6) with time zone
)
WITH (
  format = 'PARQUET',
  format_version = 2
)
