-- Job statement: what the tables hold of one Kafka ingest batch, for recovering an interrupted one
-- (ingest.ts): bronze_rows = Bronze rows whose (kafka_partition, kafka_offset) is in the batch's
-- ranges, dead_rows = dead letters of pulse.events in them. Each table's write is one atomic
-- Iceberg commit, so a count above 0 means that write happened whole; 0 means it must be redone
-- (or had nothing to write). min/max statistics on kafka_offset keep both scans to a few files.
SELECT
  (SELECT count(*) FROM lakehouse.bronze.raw_events
    WHERE (kafka_partition = 0 AND kafka_offset >= :from0 AND kafka_offset < :to0)
       OR (kafka_partition = 1 AND kafka_offset >= :from1 AND kafka_offset < :to1)
       OR (kafka_partition = 2 AND kafka_offset >= :from2 AND kafka_offset < :to2)
       OR (kafka_partition = 3 AND kafka_offset >= :from3 AND kafka_offset < :to3)) AS bronze_rows,
  (SELECT count(*) FROM lakehouse.bronze.dead_letters
    WHERE topic = 'pulse.events'
      AND ((kafka_partition = 0 AND kafka_offset >= :from0 AND kafka_offset < :to0)
        OR (kafka_partition = 1 AND kafka_offset >= :from1 AND kafka_offset < :to1)
        OR (kafka_partition = 2 AND kafka_offset >= :from2 AND kafka_offset < :to2)
        OR (kafka_partition = 3 AND kafka_offset >= :from3 AND kafka_offset < :to3))) AS dead_rows
