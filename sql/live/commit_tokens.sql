-- Catalog statement (PostgreSQL, Iceberg's JDBC catalog): the current metadata file of the tables
-- whose commits move the dashboard's data.
--   meta.job_checkpoints        every micro-batch ('started', then 'committed') and every daily build
--                               ('silver_daily', 'gold_daily') commits a checkpoint row here
--   gold.rt_video_stats_1min    a micro-batch's Gold write, between its two checkpoints
--   gold.batch_video_daily, gold.batch_platform_daily   a daily build's Gold writes, before 'gold_daily'
-- An Iceberg commit through the JDBC catalog is one compare-and-set UPDATE of metadata_location, so
-- these values change exactly when those tables commit. The live watcher reads them every
-- PULSE_LIVE_PROBE_MS and asks Trino for the new watermark only when a checkpoint moved after the
-- data did (lib/server/live/watcher.ts).
--   $1 = the JDBC catalog name (iceberg.jdbc-catalog.catalog-name)
-- Result: one row per existing table (table_ref = namespace.name, metadata_location).
SELECT table_namespace || '.' || table_name AS table_ref, metadata_location
FROM iceberg_catalog.iceberg_tables
WHERE catalog_name = $1
  AND (table_namespace, table_name) IN (
    ('meta', 'job_checkpoints'),
    ('gold', 'rt_video_stats_1min'),
    ('gold', 'batch_video_daily'),
    ('gold', 'batch_platform_daily')
  )
ORDER BY table_ref
