-- Table lakehouse.bronze.dead_letters (Pulse bookkeeping, not in the seed)
-- Every Kafka record the ingest could not take, with why: one row per record, never dropped, never
-- retried (the record is kept as it came: its first 4,096 characters and its size).
-- reason is one of the checks of the ingest's checked views (sql/ddl/7xx_ingest_*), e.g. 'not JSON',
-- 'missing field: user_id', 'unknown event_type: …', 'event_timestamp more than a day in the future',
-- 'too large: N bytes (at most 1048576)'. (topic, kafka_partition, kafka_offset) names the record;
-- batch_id is the ingest batch that read it. /api/health and the Pulse page show count(*).
CREATE TABLE IF NOT EXISTS lakehouse.bronze.dead_letters (
  topic            varchar,
  kafka_partition  integer,
  kafka_offset     bigint,
  reason           varchar,
  message_bytes    bigint,
  message_prefix   varchar,                      -- the record's first 4,096 characters (NULL if not UTF-8 text)
  record_key       varchar,
  record_timestamp timestamp(6) with time zone,  -- the producer's record timestamp
  batch_id         bigint,
  dead_at          timestamp(6) with time zone   -- when the ingest set it aside
)
WITH (format = 'PARQUET', format_version = 2, partitioning = ARRAY['topic'])
