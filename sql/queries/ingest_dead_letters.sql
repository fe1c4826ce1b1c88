-- Dashboard query: the Kafka ingest's dead letters for /api/health and the nav's count.
--   dead_letters = count(*) of lakehouse.bronze.dead_letters (every record the ingest set aside, any topic)
--   last_dead_ms = max(dead_at): when the newest was set aside (NULL when there is none)
SELECT
  count(*) AS dead_letters,
  to_unixtime(max(dead_at)) * 1000 AS last_dead_ms
FROM lakehouse.bronze.dead_letters
