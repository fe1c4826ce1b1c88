-- Benchmark statement: the real-time watermark T (gold.rt_watermark.complete_through) as epoch ms,
-- the end of the range the Pulse series benchmark draws.
SELECT to_unixtime(complete_through) * 1000 AS t_ms FROM lakehouse.gold.rt_watermark
