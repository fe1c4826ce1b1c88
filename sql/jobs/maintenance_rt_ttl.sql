-- Job statement: TTL of the real-time log (seed §6.2) — delete Gold RT rows whose window is older
-- than :retention_days days: window_start < current_timestamp - retention_days days. Ops only
-- watch the last 24 hours; whole expired day partitions are dropped from metadata alone.
DELETE FROM lakehouse.gold.rt_video_stats_1min
WHERE window_start < current_timestamp - :retention_days * INTERVAL '1' DAY
