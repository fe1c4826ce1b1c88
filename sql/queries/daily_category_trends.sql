-- Dashboard query: per-category trends over UTC dates [:date_from, :date_to] of gold.batch_video_daily,
-- optionally one :category (NULL = all). Per (date, category_at_date; 'Unknown' when NULL):
--   watch_hours     = SUM(total_watch_time_hrs)
--   completion_rate = SUM(plays_finished) / SUM(plays_started)
--   unique_viewers  = cardinality(merge(viewers_hll))  -- distinct viewers of the category that day
--   videos          = videos with a row
SELECT
  CAST(date AS varchar) AS date,
  coalesce(category_at_date, 'Unknown') AS category,
  sum(total_watch_time_hrs) AS watch_hours,
  CAST(sum(plays_finished) AS double) / nullif(sum(plays_started), 0) AS completion_rate,
  cardinality(merge(CAST(viewers_hll AS HyperLogLog))) AS unique_viewers,
  count(*) AS videos
FROM lakehouse.gold.batch_video_daily
WHERE date BETWEEN :date_from AND :date_to
  AND (:category IS NULL OR category_at_date = :category)
GROUP BY date, coalesce(category_at_date, 'Unknown')
ORDER BY date, category
