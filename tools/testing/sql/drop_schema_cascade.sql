-- Test runner statement: drop one lakehouse schema with every table and view in it, so a reused
-- test Trino is migrated from nothing. {{schema}} comes from lakehouse_schemas.sql (renderTemplate
-- refuses anything but a plain identifier).
DROP SCHEMA IF EXISTS lakehouse.{{schema}} CASCADE
