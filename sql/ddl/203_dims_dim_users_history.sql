-- Table lakehouse.dims.dim_users_history (addition: SCD Type 2 history of dim_users)
-- One row per version, valid during [valid_from, valid_to), valid_to NULL for the current one;
-- Silver's point-in-time join reads a user's ltv_segment at the moment of each event from here.
CREATE TABLE IF NOT EXISTS lakehouse.dims.dim_users_history (
  user_id          varchar,
  register_country varchar,
  device_os        varchar,
  is_creator       boolean,
  ltv_segment      varchar,
  join_at          timestamp(6) with time zone,
  valid_from       timestamp(6) with time zone,
  valid_to         timestamp(6) with time zone
)
WITH (
  format = 'PARQUET',
  format_version = 2,
  partitioning = ARRAY['bucket(user_id, 16)']
)
