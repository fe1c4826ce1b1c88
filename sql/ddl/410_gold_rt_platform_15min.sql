-- Table lakehouse.gold.rt_platform_15min (Pulse addition: the RT log's platform rollup per quarter-hour)
-- Pattern: append-only like the log it sums. One row per (quarter-hour window_start, batch_id):
--   window_start = the UTC quarter-hour (:00, :15, :30, :45) of the log rows' 1-minute windows
--   impressions, likes, shares, play_start, play_finish
--                = SUM over the rows of gold.rt_video_stats_1min with that batch_id whose window
--                  falls in [window_start, window_start + 15 min), all videos together
-- Written by the micro-batch (sql/jobs/rt_rollup_insert.sql) after its Gold write and before its
-- 'committed' checkpoint, for every batch the rollup does not hold yet, so for each batch_id <=
-- max(batch_id) here the rows equal the sums of that batch's log rows. Readers add the rows of a
-- window (a late event's batch adds a row for its old quarter, like the log's correction rows) and
-- take log rows of later batches from the log itself (sql/queries/pulse_platform_series_long.sql).
-- Quarter-hours, not hours: every real zone's offset (+05:30, +05:45, -03:30 ...) and DST shift is a
-- multiple of 15 minutes, so a quarter-hour lies inside one hour of any zone, and a chart's hours in
-- the viewer's zone are exact sums of whole quarters.
-- Partitioned by day(window_start): the same TTL as the log (maintenance_rt_ttl) drops whole days.
CREATE TABLE IF NOT EXISTS lakehouse.gold.rt_platform_15min (
  window_start timestamp(6) with time zone,  -- start of the UTC quarter-hour
  impressions  bigint,                       -- sums of the batch's log rows in that quarter-hour
  likes        bigint,
  shares       bigint,
  play_start   bigint,
  play_finish  bigint,
  batch_id     bigint                        -- the micro-batch whose log rows these are
)
WITH (
  format = 'PARQUET',
  format_version = 2,
  partitioning = ARRAY['day(window_start)'],
  sorted_by = ARRAY['window_start'],
  extra_properties = MAP(
    ARRAY['write.metadata.delete-after-commit.enabled', 'write.metadata.previous-versions-max'],
    ARRAY['true', '20'])
)
