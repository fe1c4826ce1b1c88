-- Job statement: the records of one ingest batch of topic pulse.cdc.users that the dims do not take
-- (view bronze.kafka_cdc_users_checked, reason NOT NULL), into lakehouse.bronze.dead_letters with
-- their reason (one Iceberg commit). The batch's range is :from0 <= offset < :to0 of its one
-- partition; each record lands in the dims statements (sql/jobs/dims_users_*) or here, never both.
INSERT INTO lakehouse.bronze.dead_letters
  (topic, kafka_partition, kafka_offset, reason, message_bytes, message_prefix, record_key, record_timestamp, batch_id, dead_at)
SELECT 'pulse.cdc.users', CAST(kafka_partition AS integer), kafka_offset, reason, message_bytes, message_prefix, record_key, record_timestamp, :batch_id, current_timestamp
FROM lakehouse.bronze.kafka_cdc_users_checked
WHERE kafka_partition = 0 AND kafka_offset >= :from0 AND kafka_offset < :to0 AND reason IS NOT NULL
