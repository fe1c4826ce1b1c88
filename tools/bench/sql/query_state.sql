-- Benchmark statement: the state of one query in Trino's own list (RUNNING, FAILED, ...); no row
-- once Trino has expired it from its history.
SELECT state FROM system.runtime.queries WHERE query_id = :query_id
