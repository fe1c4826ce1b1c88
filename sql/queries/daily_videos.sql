-- Dashboard query: the PM table of videos over UTC dates [:date_from, :date_to] of gold.batch_video_daily,
-- optionally only days on which the video was in :category (category_at_date; NULL = all).
-- Per video, over its rows in range:
--   category        = category_at_date of its latest day in range
--   watch_hours     = SUM(total_watch_time_hrs)
--   completion_rate = SUM(plays_finished) / SUM(plays_started)   (pairs, so busy days weigh more)
--   unique_viewers  = cardinality(merge(viewers_hll))            (sketches merged, never summed)
--   retention_d1    = SUM(retention_d1 * unique_viewers) / SUM(unique_viewers) over days whose
--                     retention is known: the share of viewer-days followed by a return next day
--   days            = number of dates with a row
-- Sorted by :sort ('watch_hours' | 'completion_rate' | 'unique_viewers' | 'retention_d1', values not
-- identifiers) in :dir ('asc' | 'desc'), NULLs last, ties by video_id; total_videos counts all matches.
WITH per_video AS (
  SELECT
    video_id,
    max_by(category_at_date, date) AS category,
    sum(total_watch_time_hrs) AS watch_hours,
    CAST(sum(plays_finished) AS double) / nullif(sum(plays_started), 0) AS completion_rate,
    cardinality(merge(CAST(viewers_hll AS HyperLogLog))) AS unique_viewers,
    sum(CAST(retention_d1 AS double) * unique_viewers)
      / nullif(sum(IF(retention_d1 IS NOT NULL, unique_viewers, 0)), 0) AS retention_d1,
    count(*) AS days
  FROM lakehouse.gold.batch_video_daily
  WHERE date BETWEEN :date_from AND :date_to
    AND (:category IS NULL OR category_at_date = :category)
  GROUP BY video_id
),
keyed AS (
  SELECT
    p.*,
    CASE :sort
      WHEN 'completion_rate' THEN p.completion_rate
      WHEN 'unique_viewers' THEN CAST(p.unique_viewers AS double)
      WHEN 'retention_d1' THEN p.retention_d1
      ELSE p.watch_hours
    END AS sort_key,
    count(*) OVER () AS total_videos
  FROM per_video p
)
SELECT video_id, category, watch_hours, completion_rate, unique_viewers, retention_d1, days, total_videos
FROM keyed
ORDER BY
  IF(:dir = 'asc', sort_key) ASC NULLS LAST,
  IF(:dir = 'desc', sort_key) DESC NULLS LAST,
  video_id
LIMIT :limit
