-- Job statement: TTL of the real-time tables (seed §6.2) — delete the rows of lakehouse.gold.{{table}}
-- (the RT log gold.rt_video_stats_1min, or its rollup gold.rt_platform_15min) whose window starts
-- before :cutoff (maintenance_rt_ttl_cutoff.sql: 7 days ago by default, floored to a quarter-hour).
-- Ops only watch the last 24 hours; whole expired day partitions are dropped from metadata alone.
DELETE FROM lakehouse.gold.{{table}}
WHERE window_start < :cutoff
