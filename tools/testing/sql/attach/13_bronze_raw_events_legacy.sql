-- Attach test fixture, the other team's own DDL: a Bronze table of an older layout that Pulse must
-- refuse to touch. Against Pulse's bronze.raw_events it differs three ways: event_timestamp is a
-- timestamp without time zone, ingested_at is missing, and partition_key is an extra NOT NULL column.
CREATE TABLE warehouse_prod.bronze.raw_events (
  event_id        varchar,
  event_timestamp timestamp(6),
  video_id        varchar,
  user_id         varchar,
  event_type      varchar,
  raw_payload     varchar,
  partition_key   varchar NOT NULL
)
WITH (format = 'PARQUET')
