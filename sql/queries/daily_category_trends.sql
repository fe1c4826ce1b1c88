-- Dashboard query: per-category trends over UTC dates [:date_from, :date_to] of gold.batch_video_daily,
-- optionally one :category (NULL = all). Per (date, category_at_date; 'Unknown' when NULL):
--   watch_hours     = SUM(total_watch_time_hrs)
--   completion_rate = SUM(plays_finished) / SUM(plays_started)
--   unique_viewers  = cardinality(merge(viewers_hll))  -- distinct viewers of the category that day
--   videos          = videos with a row
--   retention_d1    = SUM(retention_d1 * unique_viewers) / SUM(unique_viewers) over the videos whose
--                     retention is known: each video's D1 retention weighted by its viewers (NULL
--                     while none is known, e.g. the newest day). Not the category's exact user-level
--                     retention, which the mart does not hold.
SELECT
  CAST(date AS varchar) AS date,
  coalesce(category_at_date, 'Unknown') AS category,
  sum(total_watch_time_hrs) AS watch_hours,
  CAST(sum(plays_finished) AS double) / nullif(sum(plays_started), 0) AS completion_rate,
  cardinality(merge(CAST(viewers_hll AS HyperLogLog))) AS unique_viewers,
  count(*) AS videos,
  sum(CAST(retention_d1 AS double) * unique_viewers) FILTER (WHERE retention_d1 IS NOT NULL)
    / nullif(sum(unique_viewers) FILTER (WHERE retention_d1 IS NOT NULL), 0) AS retention_d1
FROM lakehouse.gold.batch_video_daily
WHERE date BETWEEN :date_from AND :date_to
  AND (:category IS NULL OR category_at_date = :category)
GROUP BY date, coalesce(category_at_date, 'Unknown')
ORDER BY date, category
