-- Job statement: the records of one Kafka ingest batch that Bronze does not take, into
-- lakehouse.bronze.dead_letters with their reason (one Iceberg commit). The same ranges as
-- kafka_events_bronze_insert.sql, the other side of its `reason IS NULL`: each record of the batch
-- lands in exactly one of the two tables. Run only when the Bronze insert took fewer rows than
-- the ranges hold (ingest.ts), so a clean batch reads its records once.
INSERT INTO lakehouse.bronze.dead_letters
  (topic, kafka_partition, kafka_offset, reason, message_bytes, message_prefix, record_key, record_timestamp, batch_id, dead_at)
SELECT 'pulse.events', CAST(kafka_partition AS integer), kafka_offset, reason, message_bytes, message_prefix, record_key, record_timestamp, :batch_id, current_timestamp
FROM (
  SELECT * FROM lakehouse.bronze.kafka_events_checked WHERE kafka_partition = 0 AND kafka_offset >= :from0 AND kafka_offset < :to0
  UNION ALL
  SELECT * FROM lakehouse.bronze.kafka_events_checked WHERE kafka_partition = 1 AND kafka_offset >= :from1 AND kafka_offset < :to1
  UNION ALL
  SELECT * FROM lakehouse.bronze.kafka_events_checked WHERE kafka_partition = 2 AND kafka_offset >= :from2 AND kafka_offset < :to2
  UNION ALL
  SELECT * FROM lakehouse.bronze.kafka_events_checked WHERE kafka_partition = 3 AND kafka_offset >= :from3 AND kafka_offset < :to3
)
WHERE reason IS NOT NULL
