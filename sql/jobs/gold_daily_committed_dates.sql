-- Job statement: the UTC dates the daily jobs have built, so the live pipeline runs only the due
-- dates still missing. Daily jobs checkpoint with batch_id = yyyymmdd of the date they built:
--   date = format('%04d-%02d-%02d', batch_id / 10000, batch_id / 100 % 100, batch_id % 100)
-- over the committed checkpoints of job 'gold_daily' (Gold runs after Silver, so it marks a whole day).
SELECT DISTINCT format('%04d-%02d-%02d', batch_id / 10000, batch_id / 100 % 100, batch_id % 100) AS date
FROM lakehouse.meta.job_checkpoints
WHERE job = 'gold_daily' AND state = 'committed'
