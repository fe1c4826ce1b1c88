-- Second-engine check (tools/testing/second-engine.ts): Trino's row count of a table's current
-- snapshot, for a table compared on its count alone. row_count = count(*).
SELECT count(*) AS row_count FROM lakehouse.{{schema}}.{{table}}
