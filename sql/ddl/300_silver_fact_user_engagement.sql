-- Table lakehouse.silver.fact_user_engagement (seed §3.1: enriched, sessionized wide fact)
-- Pattern: daily (T+1) batch; a re-run of a date replaces exactly that date. Partitioned by day(event_timestamp).
-- Seed columns:
--   session_id       : sessions split where the gap to the user's previous event exceeds 30 minutes (LAG)
--   watch_time_ms    : from raw_payload
--   video_duration_ms: dim_videos.duration_ms of the version valid at the event (point-in-time)
--   completion_rate  : watch_time_ms / video_duration_ms
-- Documented additions (results of the seed's point-in-time join and payload parsing):
--   ltv_segment_at_event, category_at_event, device_model, network, app_ver
CREATE TABLE IF NOT EXISTS lakehouse.silver.fact_user_engagement (
  event_id             varchar,
  event_timestamp      timestamp(6) with time zone,
  date                 date,
  user_id              varchar,
  video_id             varchar,
  session_id           varchar,
  event_type           varchar,
  watch_time_ms        bigint,
  video_duration_ms    bigint,
  completion_rate      real,
  ltv_segment_at_event varchar,
  category_at_event    varchar,
  device_model         varchar,
  network              varchar,
  app_ver              varchar
)
WITH (
  format = 'PARQUET',
  format_version = 2,
  partitioning = ARRAY['day(event_timestamp)']
)
