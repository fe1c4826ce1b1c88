-- Test runner statement: every schema of the lakehouse catalog but the connector's built-in ones
-- (information_schema, and system, which Iceberg lists but cannot drop), i.e. what a reused test
-- Trino must drop to start a run from a freshly migrated lakehouse.
SELECT schema_name FROM lakehouse.information_schema.schemata WHERE schema_name NOT IN ('information_schema', 'system') ORDER BY schema_name
