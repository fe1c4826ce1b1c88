-- Check statement (not a pipeline job): platform D1 retention of every date of
-- gold.batch_platform_daily whose retention is known, recomputed straight from Silver with a
-- formulation independent of sql/jobs/gold_platform_daily_*: Silver's own `date` column instead of
-- event_timestamp ranges, and INTERSECT of the two days' user sets instead of a LEFT JOIN:
--   cohort(d)    = DISTINCT user_id with a play_start on a video on date d
--   returners(d) = DISTINCT user_id with a play_start on date d + 1
--   retention    = |cohort(d) INTERSECT returners(d)| / |cohort(d)|
-- beside the mart's cohort_viewers, retained_viewers and retention_d1.
WITH days AS (
  SELECT date, cohort_viewers, retained_viewers, retention_d1
  FROM lakehouse.gold.batch_platform_daily
  WHERE retention_d1 IS NOT NULL
),
cohort AS (
  SELECT DISTINCT date, user_id FROM lakehouse.silver.fact_user_engagement
  WHERE event_type = 'play_start' AND video_id IS NOT NULL AND user_id IS NOT NULL
),
-- A user playing on day x returns for the cohort of day x - 1.
returners AS (
  SELECT DISTINCT date - INTERVAL '1' DAY AS date, user_id FROM lakehouse.silver.fact_user_engagement
  WHERE event_type = 'play_start' AND user_id IS NOT NULL
),
retained AS (
  SELECT date, user_id FROM cohort
  INTERSECT
  SELECT date, user_id FROM returners
),
recomputed AS (
  SELECT c.date, c.cohort, coalesce(r.retained, 0) AS retained
  FROM (SELECT date, count(*) AS cohort FROM cohort GROUP BY date) c
  LEFT JOIN (SELECT date, count(*) AS retained FROM retained GROUP BY date) r ON r.date = c.date
)
SELECT
  CAST(d.date AS varchar) AS date,
  d.cohort_viewers AS mart_cohort,
  d.retained_viewers AS mart_retained,
  d.retention_d1 AS mart_retention,
  r.cohort AS silver_cohort,
  r.retained AS silver_retained,
  CAST(r.retained AS double) / r.cohort AS silver_retention
FROM days d
JOIN recomputed r ON r.date = d.date
ORDER BY d.date
