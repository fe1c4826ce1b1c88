-- Dashboard query: how the videos of UTC dates [:date_from, :date_to] (only :category when given)
-- spread by D1 retention, so outliers stand out. Per video, over its days with a known retention_d1
-- in gold.batch_video_daily:
--   retention_d1 = sum(retention_d1 * unique_viewers) / sum(unique_viewers)  (each day weighs by its viewers)
--   viewers      = sum(unique_viewers); only videos with viewers >= :min_viewers (one viewer's 0 % or
--                  100 % says nothing)
-- Rows, by kind:
--   'bin'  : bin k in 0 .. :bins - 1 holds the videos with k / :bins <= retention_d1 < (k + 1) / :bins
--            (100 % in the last bin); videos = how many; empty bins are absent
--   'low'  : the :outliers videos with the lowest retention (rank 1 = lowest; ties by video_id)
--   'high' : the :outliers videos with the highest retention (rank 1 = highest)
WITH per_video AS (
  SELECT
    video_id,
    sum(CAST(retention_d1 AS double) * unique_viewers) / sum(unique_viewers) AS retention_d1,
    sum(unique_viewers) AS viewers
  FROM lakehouse.gold.batch_video_daily
  WHERE date BETWEEN :date_from AND :date_to
    AND (:category IS NULL OR category_at_date = :category)
    AND retention_d1 IS NOT NULL AND unique_viewers > 0
  GROUP BY video_id
  HAVING sum(unique_viewers) >= :min_viewers
),
ranked AS (
  SELECT
    video_id,
    retention_d1,
    viewers,
    row_number() OVER (ORDER BY retention_d1, video_id) AS low_rank,
    row_number() OVER (ORDER BY retention_d1 DESC, video_id) AS high_rank
  FROM per_video
)
SELECT 'bin' AS kind, least(CAST(floor(retention_d1 * :bins) AS bigint), :bins - 1) AS k, count(*) AS videos,
       CAST(NULL AS varchar) AS video_id, CAST(NULL AS double) AS retention_d1, CAST(NULL AS bigint) AS viewers
FROM per_video
GROUP BY 2
UNION ALL
SELECT 'low', low_rank, 1, video_id, retention_d1, viewers FROM ranked WHERE low_rank <= :outliers
UNION ALL
SELECT 'high', high_rank, 1, video_id, retention_d1, viewers FROM ranked WHERE high_rank <= :outliers
ORDER BY kind, k
