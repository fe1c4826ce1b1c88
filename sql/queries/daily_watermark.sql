-- Dashboard query: how far the daily mart is built, for the date pickers and the watermark label.
--   complete_through_ms = max complete_through of committed 'gold_daily' checkpoints (the end of the
--                         newest built UTC day), as epoch ms; NULL before the first run
--   first_date, last_date = the range of dates present in gold.batch_video_daily
SELECT
  (SELECT to_unixtime(max(complete_through)) * 1000 FROM lakehouse.meta.job_checkpoints
    WHERE job = 'gold_daily' AND state = 'committed') AS complete_through_ms,
  (SELECT CAST(min(date) AS varchar) FROM lakehouse.gold.batch_video_daily) AS first_date,
  (SELECT CAST(max(date) AS varchar) FROM lakehouse.gold.batch_video_daily) AS last_date
