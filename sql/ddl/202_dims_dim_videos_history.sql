-- Table lakehouse.dims.dim_videos_history (addition: SCD Type 2 history of dim_videos)
-- The seed's point-in-time joins (Silver) and frozen category_at_date (Gold batch) need every past
-- version of a video, which an upserted current-state table cannot give. One row per version:
--   valid during [valid_from, valid_to), valid_to NULL for the current version.
-- A fact at time t joins the version with valid_from <= t AND (valid_to IS NULL OR t < valid_to).
CREATE TABLE IF NOT EXISTS lakehouse.dims.dim_videos_history (
  video_id    varchar,
  creator_id  varchar,
  category    varchar,
  hashtags    array(varchar),
  duration_ms bigint,
  upload_time timestamp(6) with time zone,
  status      varchar,
  valid_from  timestamp(6) with time zone,
  valid_to    timestamp(6) with time zone
)
WITH (
  format = 'PARQUET',
  format_version = 2,
  partitioning = ARRAY['bucket(video_id, 16)']
)
