-- Job statement: Gold daily, platform step — upsert the one row of UTC date :date in
-- lakehouse.gold.batch_platform_daily from Silver, every column except the retention pair.
-- Input: silver.fact_user_engagement rows with event_timestamp in [:date, :date + 1 day) UTC and a
-- video (the same rows gold.batch_video_daily is built from, so platform totals equal its sums).
--   unique_viewers       = cardinality(approx_set(user_id)) over users with a play_start; viewers_hll = that sketch
--   cohort_viewers       = count(DISTINCT user_id) over the same users (exact: retention's denominator)
--   plays_started        = (session_id, video_id) pairs with a play_start;
--   plays_finished       = started pairs that also have a play_finish (as in batch_video_daily)
--   total_watch_time_hrs = sum(watch_time_ms) / 3.6e6
-- A date without events keeps no row (a stale one is deleted). An existing row is rewritten only
-- when a value differs, so a re-run over unchanged Silver changes nothing, updated_at included;
-- retained_viewers and retention_d1 belong to gold_platform_daily_fill_retention alone.
MERGE INTO lakehouse.gold.batch_platform_daily t
USING (
  WITH day_events AS (
    SELECT user_id, video_id, session_id, event_type, watch_time_ms
    FROM lakehouse.silver.fact_user_engagement
    WHERE event_timestamp >= with_timezone(CAST(:date AS timestamp(6)), 'UTC')
      AND event_timestamp < with_timezone(CAST(:date + INTERVAL '1' DAY AS timestamp(6)), 'UTC')
      AND video_id IS NOT NULL
  ),
  totals AS (
    SELECT
      count(*) AS events,
      coalesce(sum(watch_time_ms), 0) / 3.6e6 AS total_watch_time_hrs,
      coalesce(approx_set(user_id) FILTER (WHERE event_type = 'play_start'), empty_approx_set()) AS viewers,
      count(DISTINCT user_id) FILTER (WHERE event_type = 'play_start') AS cohort_viewers
    FROM day_events
  ),
  pairs AS (
    SELECT bool_or(event_type = 'play_start') AS started, bool_or(event_type = 'play_finish') AS finished
    FROM day_events
    WHERE session_id IS NOT NULL
    GROUP BY session_id, video_id
  ),
  plays AS (
    SELECT count_if(started) AS plays_started, count_if(started AND finished) AS plays_finished FROM pairs
  )
  SELECT
    totals.events,
    cardinality(totals.viewers) AS unique_viewers,
    CAST(totals.viewers AS varbinary) AS viewers_hll,
    totals.cohort_viewers,
    plays.plays_started,
    plays.plays_finished,
    totals.total_watch_time_hrs
  FROM totals CROSS JOIN plays
) s
ON t.date = :date
WHEN MATCHED AND s.events = 0 THEN DELETE
WHEN MATCHED AND (
  t.unique_viewers IS DISTINCT FROM s.unique_viewers
  OR t.viewers_hll IS DISTINCT FROM s.viewers_hll
  OR t.cohort_viewers IS DISTINCT FROM s.cohort_viewers
  OR t.plays_started IS DISTINCT FROM s.plays_started
  OR t.plays_finished IS DISTINCT FROM s.plays_finished
  OR t.total_watch_time_hrs IS DISTINCT FROM s.total_watch_time_hrs
) THEN UPDATE SET
  unique_viewers = s.unique_viewers,
  viewers_hll = s.viewers_hll,
  cohort_viewers = s.cohort_viewers,
  plays_started = s.plays_started,
  plays_finished = s.plays_finished,
  total_watch_time_hrs = s.total_watch_time_hrs,
  updated_at = current_timestamp
WHEN NOT MATCHED AND s.events > 0 THEN INSERT
  (date, unique_viewers, viewers_hll, cohort_viewers, retained_viewers, retention_d1, plays_started, plays_finished, total_watch_time_hrs, updated_at)
  VALUES (:date, s.unique_viewers, s.viewers_hll, s.cohort_viewers, NULL, NULL, s.plays_started, s.plays_finished, s.total_watch_time_hrs, current_timestamp)
