-- Second-engine check (tools/testing/second-engine.ts): Trino's row count and SUM of one numeric
-- column of a table's current snapshot, to compare with what Iceberg's Java API reads.
--   row_count = count(*); total = sum(column), NULL when the column has no non-null value.
-- {{schema}}, {{table}}, {{column}} come from code (renderTemplate refuses anything but identifiers).
SELECT count(*) AS row_count, sum({{column}}) AS total FROM lakehouse.{{schema}}.{{table}}
