-- Table lakehouse.gold.batch_video_daily (seed §5.1: daily content performance mart)
-- Pattern: aggregated state, upserted per (date, video_id) by the daily job. Partitioned by date.
--   category_at_date     : the video's category on that day (frozen; SCD2 resolved)
--   total_watch_time_hrs : sum(watch_time_ms) / 3.6e6
--   completion_rate      : finished (session, video) plays / started (session, video) plays
--   unique_viewers       : approximate count of distinct users with a play_start that day (HyperLogLog)
--   retention_d1         : share (0..1) of that day's viewers with a play_start on the next UTC day
-- Documented addition: viewers_hll, the serialized HyperLogLog sketch behind unique_viewers, so
-- uniques over several days are merged (cardinality(merge(CAST(viewers_hll AS HyperLogLog))))
-- instead of summed; and updated_at, when the row was last written.
CREATE TABLE IF NOT EXISTS lakehouse.gold.batch_video_daily (
  date                 date,
  video_id             varchar,
  category_at_date     varchar,
  total_watch_time_hrs double,
  completion_rate      real,
  unique_viewers       bigint,
  retention_d1         real,
  viewers_hll          varbinary,
  updated_at           timestamp(6) with time zone
)
WITH (
  format = 'PARQUET',
  format_version = 2,
  partitioning = ARRAY['date']
)
