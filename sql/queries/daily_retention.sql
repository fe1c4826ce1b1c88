-- Dashboard query: D1 retention over UTC dates [:date_from, :date_to], the platform's and each
-- category's (only :category when given; NULL = all), per date and over the whole range (date NULL).
-- series 'platform' (category NULL), from gold.batch_platform_daily, exact user sets:
--   per date : retention_d1 = retained_viewers / cohort_viewers; NULL while the next day is incomplete
--   range    : sum(retained_viewers) / sum(cohort_viewers) over the dates whose retention is known
--   viewers  = cohort_viewers (per date), the summed cohorts of the known dates (range)
-- series 'category', from gold.batch_video_daily (no exact per-category user sets exist), per
-- category_at_date ('Unknown' when NULL), over the videos whose retention_d1 is known:
--   per date : sum(retention_d1 * unique_viewers) / sum(unique_viewers): each video's retention
--              weighted by its viewers that day
--   range    : the same two sums over all the range's days, so each day weighs by its viewers
--   viewers  = sum(unique_viewers) of those videos (the weights)
-- The two are different measures: a user who watched two videos of a category counts twice in
-- its weights, once in the platform cohort.
WITH platform AS (
  SELECT date, cohort_viewers, retained_viewers
  FROM lakehouse.gold.batch_platform_daily
  WHERE date BETWEEN :date_from AND :date_to
),
videos AS (
  SELECT date, coalesce(category_at_date, 'Unknown') AS category, CAST(retention_d1 AS double) AS retention_d1, unique_viewers
  FROM lakehouse.gold.batch_video_daily
  WHERE date BETWEEN :date_from AND :date_to
    AND (:category IS NULL OR category_at_date = :category)
    AND retention_d1 IS NOT NULL AND unique_viewers > 0
)
SELECT
  'platform' AS series,
  CAST(NULL AS varchar) AS category,
  CAST(date AS varchar) AS date,
  CAST(sum(retained_viewers) AS double) / nullif(sum(cohort_viewers) FILTER (WHERE retained_viewers IS NOT NULL), 0) AS retention_d1,
  CASE WHEN grouping(date) = 0 THEN sum(cohort_viewers) ELSE sum(cohort_viewers) FILTER (WHERE retained_viewers IS NOT NULL) END AS viewers
FROM platform
GROUP BY GROUPING SETS ((date), ())
UNION ALL
SELECT
  'category' AS series,
  category,
  CAST(date AS varchar) AS date,
  sum(retention_d1 * unique_viewers) / nullif(sum(unique_viewers), 0) AS retention_d1,
  sum(unique_viewers) AS viewers
FROM videos
GROUP BY GROUPING SETS ((date, category), (category))
ORDER BY series DESC, category NULLS FIRST, date NULLS LAST
