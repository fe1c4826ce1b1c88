-- Check (chaos soak): every event Bronze took since :since_ms (epoch ms of ingested_at), one row per
-- event_id with copies = its number of Bronze rows. The soak compares the ids with the producer's
-- own record: an acknowledged id missing here is lost, copies > 1 is an event doubled.
SELECT event_id, count(*) AS copies
FROM lakehouse.bronze.raw_events
WHERE ingested_at >= from_unixtime(:since_ms / 1000e0)
GROUP BY event_id
