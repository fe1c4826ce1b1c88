-- Dashboard query: the platform's D1 retention for the Pulse page's tile: the three newest UTC
-- dates of gold.batch_platform_daily, newest first. retention_d1 = retained_viewers /
-- cohort_viewers (exact user sets; see sql/ddl/520_gold_batch_platform_daily.sql), NULL for the
-- newest built day until the day after it is complete.
SELECT CAST(date AS varchar) AS date, retention_d1, cohort_viewers, retained_viewers
FROM lakehouse.gold.batch_platform_daily
ORDER BY date DESC
LIMIT 3
