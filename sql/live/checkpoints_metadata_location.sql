-- Catalog statement (PostgreSQL, Iceberg's JDBC catalog): the current metadata file of
-- lakehouse.meta.job_checkpoints, the table every real-time micro-batch and every daily build
-- commits its checkpoint to (see sql/ddl/011_meta_job_checkpoints.sql).
-- An Iceberg commit through the JDBC catalog is one compare-and-set UPDATE of metadata_location, so
-- this value changes exactly when a checkpoint (or maintenance of that table) commits. The live
-- watcher reads it every PULSE_LIVE_PROBE_MS and asks Trino for the new watermark only when it moved.
--   $1 = the JDBC catalog name (iceberg.jdbc-catalog.catalog-name)
-- Result: one row (metadata_location), or none before the table exists.
SELECT metadata_location
FROM iceberg_catalog.iceberg_tables
WHERE catalog_name = $1
  AND table_namespace = 'meta'
  AND table_name = 'job_checkpoints'
