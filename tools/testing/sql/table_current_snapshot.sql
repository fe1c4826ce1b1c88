-- Second-engine check (tools/testing/second-engine.ts): the snapshot a table's main branch points
-- at, i.e. what a reader of the current table reads. Cast to varchar because snapshot ids use 63
-- bits and a JavaScript number keeps 53. No row for a table without a snapshot.
SELECT CAST(snapshot_id AS varchar) AS snapshot_id FROM lakehouse.{{schema}}."{{table}}$refs" WHERE name = 'main'
