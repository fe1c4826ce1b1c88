-- Column lakehouse.bronze.raw_events.kafka_offset (Pulse's Kafka ingest; local lakehouse only)
-- The offset of the row's record within its partition of topic pulse.events (see kafka_partition).
-- Local only, like kafka_partition (attach-migrate.ts skips `_ingest_` files).
ALTER TABLE lakehouse.bronze.raw_events ADD COLUMN IF NOT EXISTS kafka_offset bigint
