-- Attach test fixture, the other team's own DDL: their daily video mart, with every column Pulse's
-- migrations give it (including the later plays_started and plays_finished), written by hand.
CREATE TABLE warehouse_prod.gold.batch_video_daily (
  date                 date,
  video_id             varchar,
  category_at_date     varchar,
  total_watch_time_hrs double,
  completion_rate      real,
  unique_viewers       bigint,
  retention_d1         real,
  viewers_hll          varbinary,
  updated_at           timestamp(6) with time zone,
  plays_started        bigint,
  plays_finished       bigint
)
WITH (format = 'PARQUET')
