-- Job statement: Gold daily, platform retention — set retained_viewers and retention_d1 of date
-- :date in lakehouse.gold.batch_platform_daily, and no other column but updated_at. The Gold job
-- runs it for its own date and for the day before (whose next day has just become complete).
-- Formula, with exact user sets (no HyperLogLog), over Silver:
--   cohort           = distinct users with a play_start on a video on :date
--   returners        = distinct users with a play_start (any video) on :date + 1 day
--   retained_viewers = |cohort ∩ returners|
--   retention_d1     = retained_viewers / |cohort|, in 0..1 (|cohort| = the row's cohort_viewers)
-- Both only when :date + 1 day is complete in Silver, i.e. a 'committed' 'silver_daily' checkpoint
-- with batch_id = :next_batch_id (yyyymmdd of :date + 1 day) exists; otherwise NULL. The same
-- rule as gold.batch_video_daily.retention_d1, over the whole platform instead of one video: a
-- user who watched two videos on :date and a third on the next day counts once, as retained.
-- A row already holding the right values is not rewritten.
MERGE INTO lakehouse.gold.batch_platform_daily t
USING (
  WITH ready AS (
    SELECT count(*) > 0 AS next_day_complete
    FROM lakehouse.meta.job_checkpoints
    WHERE job = 'silver_daily' AND state = 'committed' AND batch_id = :next_batch_id
  ),
  cohort AS (
    SELECT DISTINCT user_id
    FROM lakehouse.silver.fact_user_engagement
    WHERE event_timestamp >= with_timezone(CAST(:date AS timestamp(6)), 'UTC')
      AND event_timestamp < with_timezone(CAST(:date + INTERVAL '1' DAY AS timestamp(6)), 'UTC')
      AND event_type = 'play_start' AND video_id IS NOT NULL AND user_id IS NOT NULL
  ),
  returners AS (
    SELECT DISTINCT user_id
    FROM lakehouse.silver.fact_user_engagement
    WHERE event_timestamp >= with_timezone(CAST(:date + INTERVAL '1' DAY AS timestamp(6)), 'UTC')
      AND event_timestamp < with_timezone(CAST(:date + INTERVAL '2' DAY AS timestamp(6)), 'UTC')
      AND event_type = 'play_start' AND user_id IS NOT NULL
  ),
  counted AS (
    SELECT count(*) AS cohort_viewers, count(r.user_id) AS retained_viewers
    FROM cohort c
    LEFT JOIN returners r ON r.user_id = c.user_id
  )
  SELECT
    CASE WHEN ready.next_day_complete THEN counted.retained_viewers END AS retained_viewers,
    CASE WHEN ready.next_day_complete AND counted.cohort_viewers > 0
      THEN CAST(counted.retained_viewers AS double) / counted.cohort_viewers END AS retention_d1
  FROM counted CROSS JOIN ready
) s
ON t.date = :date
WHEN MATCHED AND (t.retained_viewers IS DISTINCT FROM s.retained_viewers OR t.retention_d1 IS DISTINCT FROM s.retention_d1)
  THEN UPDATE SET retained_viewers = s.retained_viewers, retention_d1 = s.retention_d1, updated_at = current_timestamp
