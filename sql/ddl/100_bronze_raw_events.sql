-- Table lakehouse.bronze.raw_events (seed §2: Bronze ingestion log)
-- Pattern: immutable, append-only. Partitioned by hour(event_timestamp) for time-based replay and retention.
-- Columns are exactly the seed's. Time type: every TIMESTAMP of the seed is Iceberg `timestamptz`
-- (Trino timestamp(6) with time zone): the value is an instant stored as UTC microseconds, so a
-- reader's session time zone can change how it is displayed but never which hour/day partition or
-- 1-minute window an event falls in. A plain Iceberg `timestamp` would be a wall-clock value whose
-- meaning depends on the writer's zone.
CREATE TABLE IF NOT EXISTS lakehouse.bronze.raw_events (
  event_id        varchar,                      -- UUID; primary key for deduplication
  event_timestamp timestamp(6) with time zone,  -- event generation time (client clock)
  video_id        varchar,                      -- header column, extracted for filtering
  user_id         varchar,                      -- header column, extracted for user analysis
  event_type      varchar,                      -- impression | play_start | play_finish | like | share
  raw_payload     varchar,                      -- full JSON blob: device_model, network, app_ver, watch_time_ms, ...
  ingested_at     timestamp(6) with time zone   -- processing (write) time, for audit
)
WITH (
  format = 'PARQUET',
  format_version = 2,
  partitioning = ARRAY['hour(event_timestamp)']
)
