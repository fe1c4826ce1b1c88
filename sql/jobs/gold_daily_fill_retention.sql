-- Job statement: Gold daily, retention — set retention_d1 of every row of date :date in
-- lakehouse.gold.batch_video_daily, and no other column. The Gold job runs it for its own date
-- and for the day before (whose next day has just become complete).
-- Formula, per video, with exact user sets (no HyperLogLog):
--   viewers(v)   = distinct users with a play_start on v on :date (Silver)
--   returners    = distinct users with a play_start on any video on :date + 1 day (Silver)
--   retention_d1 = real(|viewers(v) ∩ returners| / |viewers(v)|), in 0..1,
-- only when :date + 1 day is complete in Silver, i.e. a 'committed' 'silver_daily' checkpoint
-- with batch_id = :next_batch_id (yyyymmdd of :date + 1 day) exists; otherwise, and for a video
-- without viewers, NULL. Rows already holding the right value are not rewritten.
MERGE INTO lakehouse.gold.batch_video_daily t
USING (
  WITH ready AS (
    SELECT count(*) > 0 AS next_day_complete
    FROM lakehouse.meta.job_checkpoints
    WHERE job = 'silver_daily' AND state = 'committed' AND batch_id = :next_batch_id
  ),
  viewers AS (
    SELECT DISTINCT video_id, user_id
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
  retention AS (
    SELECT v.video_id, CAST(CAST(count(r.user_id) AS double) / count(*) AS real) AS retention_d1
    FROM viewers v
    LEFT JOIN returners r ON r.user_id = v.user_id
    GROUP BY v.video_id
  )
  SELECT g.video_id, CASE WHEN ready.next_day_complete THEN r.retention_d1 END AS retention_d1
  FROM lakehouse.gold.batch_video_daily g
  CROSS JOIN ready
  LEFT JOIN retention r ON r.video_id = g.video_id
  WHERE g.date = :date
) s
ON t.date = :date AND t.video_id = s.video_id
WHEN MATCHED AND t.retention_d1 IS DISTINCT FROM s.retention_d1 THEN UPDATE SET retention_d1 = s.retention_d1
