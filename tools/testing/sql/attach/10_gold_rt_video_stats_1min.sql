-- Attach test fixture, the other team's own DDL: their 1-minute RT log. Pulse's columns in another
-- order, their own partitioning, and one column of their own (source_system, nullable), which Pulse
-- tolerates: its statements name every column they read or write.
CREATE TABLE warehouse_prod.gold.rt_video_stats_1min (
  window_start  timestamp(6) with time zone,
  video_id      varchar,
  impressions   bigint,
  play_start    bigint,
  play_finish   bigint,
  likes         bigint,
  shares        bigint,
  upload_ts     timestamp(6) with time zone,
  batch_id      bigint,
  source_system varchar
)
WITH (format = 'PARQUET', partitioning = ARRAY['day(window_start)'])
