-- Attach check: every table and view already in one schema (:schema) of the attached catalog, with its
-- columns, for `migrate` to compare with what sql/ddl would create (lib/lakehouse/attach-migrate.ts).
-- One row per column:
--   table_name, table_type ('BASE TABLE' | 'VIEW'), column_name,
--   data_type   = Trino's name of the column's type as the catalog reports it (e.g. timestamp(6) with time zone),
--   is_nullable = 'YES' | 'NO'
-- Filtering on table_schema lets Trino list one schema instead of the whole catalog.
SELECT t.table_name, t.table_type, c.column_name, c.data_type, c.is_nullable
FROM lakehouse.information_schema.tables t
JOIN lakehouse.information_schema.columns c
  ON c.table_schema = t.table_schema AND c.table_name = t.table_name
WHERE t.table_schema = :schema AND c.table_schema = :schema
ORDER BY t.table_name, c.ordinal_position
