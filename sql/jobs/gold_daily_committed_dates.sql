-- Job statement: the UTC dates the daily jobs have built, so the live pipeline runs only the due
-- dates still missing. Daily jobs checkpoint with batch_id = yyyymmdd of the date they built:
--   date = format('%04d-%02d-%02d', batch_id / 10000, batch_id / 100 % 100, batch_id % 100)
-- over the committed checkpoints of job 'gold_daily' (Gold runs after Silver, so it marks a whole day)
-- recorded after the newest mart of the Gold job, gold.batch_platform_daily, was created
-- (sql/ddl/520_gold_batch_platform_daily.sql in the migration ledger): a date built before then
-- lacks that mart's row and is due again, so an upgraded lakehouse fills it within the catch-up window.
SELECT DISTINCT format('%04d-%02d-%02d', batch_id / 10000, batch_id / 100 % 100, batch_id % 100) AS date
FROM lakehouse.meta.job_checkpoints
WHERE job = 'gold_daily' AND state = 'committed'
  AND recorded_at >= (
    SELECT min(applied_at) FROM lakehouse.meta.schema_migrations WHERE file_name = '520_gold_batch_platform_daily.sql'
  )
