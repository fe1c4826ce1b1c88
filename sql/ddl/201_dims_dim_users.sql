-- Table lakehouse.dims.dim_users (seed §3.2: user dimension, current state)
-- Pattern: near-real-time CDC upsert (MERGE on user_id). Partitioned by bucket(user_id, 16).
-- Seed columns, plus updated_at (CDC change time of the current row), as for dim_videos.
CREATE TABLE IF NOT EXISTS lakehouse.dims.dim_users (
  user_id          varchar,                      -- PK
  register_country varchar,                      -- geographic segmentation
  device_os        varchar,                      -- iOS | Android
  is_creator       boolean,                      -- supply side vs demand side
  ltv_segment      varchar,                      -- VIP | High | Low (mutable)
  join_at          timestamp(6) with time zone,  -- registration time
  updated_at       timestamp(6) with time zone   -- addition: CDC change time of this version
)
WITH (
  format = 'PARQUET',
  format_version = 2,
  partitioning = ARRAY['bucket(user_id, 16)']
)
