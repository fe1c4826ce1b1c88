-- Column lakehouse.bronze.raw_events.kafka_partition (Pulse's Kafka ingest; local lakehouse only)
-- The partition of topic pulse.events the row's record came from; with kafka_offset it names the
-- record exactly. The ingest job (lib/pipeline/kafka/ingest.ts) recovers an interrupted batch by
-- counting the rows of its offset ranges here: rows present => its one Iceberg commit happened.
-- NULL for rows written before ingestion went through Kafka.
-- Local only: attach-migrate.ts skips `_ingest_` files, since an attached team's Bronze is fed by
-- its own pipelines and keeps exactly the seed's columns.
ALTER TABLE lakehouse.bronze.raw_events ADD COLUMN IF NOT EXISTS kafka_partition integer
