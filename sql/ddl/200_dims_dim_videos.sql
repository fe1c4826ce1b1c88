-- Table lakehouse.dims.dim_videos (seed §3.2: video dimension, current state)
-- Pattern: near-real-time CDC upsert (MERGE on video_id). Partitioned by bucket(video_id, 16) for joins.
-- Seed columns, plus one documented addition: updated_at, the CDC change time of the current row,
-- so an upsert can ignore a change older than the one already applied.
CREATE TABLE IF NOT EXISTS lakehouse.dims.dim_videos (
  video_id    varchar,                      -- PK
  creator_id  varchar,                      -- FK to dim_users
  category    varchar,                      -- e.g. Gaming, Beauty
  hashtags    array(varchar),               -- tags for search and filtering
  duration_ms bigint,                       -- video length
  upload_time timestamp(6) with time zone,  -- used for freshness
  status      varchar,                      -- active | banned
  updated_at  timestamp(6) with time zone   -- addition: CDC change time of this version
)
WITH (
  format = 'PARQUET',
  format_version = 2,
  partitioning = ARRAY['bucket(video_id, 16)']
)
