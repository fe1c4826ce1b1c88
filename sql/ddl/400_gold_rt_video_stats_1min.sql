-- Table lakehouse.gold.rt_video_stats_1min (seed §4.1: real-time 1-minute video metrics log)
-- Pattern: append-only time-series log written by the 1-minute micro-batch. A window may get more
-- than one row: a late event becomes a correction row for its window, and readers add rows up
-- per (video_id, window_start) (see view gold.rt_video_minute).
-- Partitioned by day(window_start) and bucket(video_id, 16): recency and entity pruning.
-- write.metadata.delete-after-commit.enabled = true keeps metadata light (seed §6.2): history is
-- in the rows, not in Iceberg time travel.
-- Documented addition: batch_id, the micro-batch that wrote the row (meta.job_checkpoints), which
-- makes a crashed batch's commit detectable and so the log exactly-once.
CREATE TABLE IF NOT EXISTS lakehouse.gold.rt_video_stats_1min (
  video_id     varchar,                      -- dimension, partition key
  window_start timestamp(6) with time zone,  -- start of the 1-minute tumbling window
  upload_ts    timestamp(6) with time zone,  -- carried over for freshness
  impressions  bigint,                       -- count of impression events in the window
  likes        bigint,                       -- count of like events
  shares       bigint,                       -- count of share events
  play_start   bigint,                       -- count of play_start events (raw views)
  play_finish  bigint,                       -- count of play_finish events (completion)
  batch_id     bigint                        -- addition: the micro-batch that wrote this row
)
WITH (
  format = 'PARQUET',
  format_version = 2,
  partitioning = ARRAY['day(window_start)', 'bucket(video_id, 16)'],
  sorted_by = ARRAY['video_id', 'window_start'],
  extra_properties = MAP(
    ARRAY['write.metadata.delete-after-commit.enabled', 'write.metadata.previous-versions-max'],
    ARRAY['true', '20'])
)
