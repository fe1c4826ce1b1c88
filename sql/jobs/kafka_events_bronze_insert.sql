-- Job statement: one Kafka ingest batch into lakehouse.bronze.raw_events (one Iceberg commit).
-- Reads, through view bronze.kafka_events_checked, the records of topic pulse.events with
-- :fromN <= offset < :toN in partition N, for each of its 4 partitions (a partition with nothing new
-- has from = to), and appends those whose reason is NULL; the others go to the dead letters
-- (kafka_events_dead_letter_insert.sql). One branch per partition, so the connector reads exactly
-- each partition's range (a single OR of the four would widen to one offset range for all).
-- event_timestamp = the record's event_timestamp (epoch ms); ingested_at = the record's delivery
-- time when :backfill and it carries one (a seed replaying history), else the statement's own
-- current_timestamp: the processing time the micro-batch's commit-safety margin is based on.
-- kafka_partition, kafka_offset: the record's place, which recovery counts (ingest.ts).
INSERT INTO lakehouse.bronze.raw_events
  (event_id, event_timestamp, video_id, user_id, event_type, raw_payload, ingested_at, kafka_partition, kafka_offset)
SELECT
  event_id,
  CAST(from_unixtime_nanos(event_ms * 1000000) AS timestamp(6) with time zone),
  video_id,
  user_id,
  event_type,
  raw_payload,
  CASE
    WHEN :backfill AND delivered_ms IS NOT NULL THEN CAST(from_unixtime_nanos(delivered_ms * 1000000) AS timestamp(6) with time zone)
    ELSE current_timestamp
  END,
  CAST(kafka_partition AS integer),
  kafka_offset
FROM (
  SELECT * FROM lakehouse.bronze.kafka_events_checked WHERE kafka_partition = 0 AND kafka_offset >= :from0 AND kafka_offset < :to0
  UNION ALL
  SELECT * FROM lakehouse.bronze.kafka_events_checked WHERE kafka_partition = 1 AND kafka_offset >= :from1 AND kafka_offset < :to1
  UNION ALL
  SELECT * FROM lakehouse.bronze.kafka_events_checked WHERE kafka_partition = 2 AND kafka_offset >= :from2 AND kafka_offset < :to2
  UNION ALL
  SELECT * FROM lakehouse.bronze.kafka_events_checked WHERE kafka_partition = 3 AND kafka_offset >= :from3 AND kafka_offset < :to3
)
WHERE reason IS NULL
