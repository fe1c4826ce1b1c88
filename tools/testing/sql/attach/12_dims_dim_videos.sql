-- Attach test fixture, the other team's own DDL: their current-state video dimension.
CREATE TABLE warehouse_prod.dims.dim_videos (
  video_id    varchar,
  creator_id  varchar,
  category    varchar,
  hashtags    array(varchar),
  duration_ms bigint,
  upload_time timestamp(6) with time zone,
  status      varchar,
  updated_at  timestamp(6) with time zone
)
WITH (format = 'PARQUET')
