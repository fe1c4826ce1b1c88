-- Job statement: the cutoff of the real-time TTL (seed §6.2), as epoch milliseconds:
--   cutoff = the start of the UTC quarter-hour holding current_timestamp - :retention_days days
-- Floored to a quarter-hour so that the RT log and its quarter-hour rollup (gold.rt_platform_15min)
-- lose exactly the same quarter-hours: a rollup row is never kept or dropped while part of its
-- quarter is dropped or kept in the log. Computed once per pass, for both tables.
SELECT floor(to_unixtime(current_timestamp - :retention_days * INTERVAL '1' DAY) / 900) * 900 * 1000 AS cutoff_ms
