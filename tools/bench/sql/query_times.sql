-- Benchmark statement: how long Trino spent analysing and planning one query, from its own list;
-- no row once Trino has expired it from its history.
SELECT analysis_time_ms, planning_time_ms FROM system.runtime.queries WHERE query_id = :query_id
