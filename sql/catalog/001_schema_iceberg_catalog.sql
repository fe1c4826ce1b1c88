-- Schema iceberg_catalog (PostgreSQL, database pulse): the home of Apache Iceberg's JDBC catalog.
-- Trino's `lakehouse` catalog reaches it with `currentSchema=iceberg_catalog` in its connection URL
-- (tools/trino/trino-config.ts); another engine's JDBC catalog must use the same URL and catalog name.
CREATE SCHEMA IF NOT EXISTS iceberg_catalog
