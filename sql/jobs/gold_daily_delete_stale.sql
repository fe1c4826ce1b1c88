-- Job statement: Gold daily, step 1 (seed §5.1) — delete the rows of date :date from
-- lakehouse.gold.batch_video_daily whose video no longer has any Silver event on :date (or has no
-- video_id), so that after gold_daily_upsert_date the date holds exactly one row per video with a
-- Silver event, as a first run would. Normally deletes nothing.
DELETE FROM lakehouse.gold.batch_video_daily
WHERE date = :date
  AND (
    video_id IS NULL
    OR video_id NOT IN (
      SELECT DISTINCT s.video_id
      FROM lakehouse.silver.fact_user_engagement s
      WHERE s.event_timestamp >= with_timezone(CAST(:date AS timestamp(6)), 'UTC')
        AND s.event_timestamp < with_timezone(CAST(:date + INTERVAL '1' DAY AS timestamp(6)), 'UTC')
        AND s.video_id IS NOT NULL
    )
  )
