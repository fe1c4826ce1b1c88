-- Job statement: Gold daily, step 2 (seed §5.1) — upsert one row per video with any Silver event
-- on UTC date :date into lakehouse.gold.batch_video_daily (MERGE on (date, video_id)).
-- Input: silver.fact_user_engagement rows with event_timestamp in [:date, :date + 1 day) UTC.
--   total_watch_time_hrs = sum(watch_time_ms) / 3.6e6 (play_start rows carry each play's watch time).
--   completion_rate      = finished pairs / started pairs over (session_id, video_id) pairs, where
--                          started = the pair has a play_start, finished = a started pair that also
--                          has a play_finish; NULL when nothing started. A play started before
--                          midnight and finished after it counts on neither day.
--   plays_started        = started pairs, plays_finished = finished pairs (the two counts above),
--                          so several days' completion is sum(plays_finished) / sum(plays_started).
--   unique_viewers       = cardinality(approx_set(user_id)) over users with a play_start on the
--                          video that day (0 when none); viewers_hll = that sketch as varbinary,
--                          so several days merge: cardinality(merge(CAST(viewers_hll AS HyperLogLog))).
--   category_at_date     = category of the dims.dim_videos_history version valid at the END of
--                          :date, i.e. valid_from < :date + 1 day AND (valid_to IS NULL OR valid_to
--                          >= :date + 1 day): the category the video left the day with, so a
--                          mid-day re-categorisation counts the whole day under the new one.
--                          Frozen once written: a re-run keeps the stored value (it replaces only
--                          a NULL, e.g. when the video's CDC had not arrived at the first run),
--                          so later or late-arriving dimension changes never rewrite history.
--   retention_d1         = NULL for a new row and untouched for an existing one: only
--                          gold_daily_fill_retention writes it.
--   updated_at           = current_timestamp.
-- Events without a video are left out; events without a user (so no session) count for watch
-- time but not as viewers or (session, video) pairs.
MERGE INTO lakehouse.gold.batch_video_daily t
USING (
  WITH day_events AS (
    SELECT user_id, video_id, session_id, event_type, watch_time_ms
    FROM lakehouse.silver.fact_user_engagement
    WHERE event_timestamp >= with_timezone(CAST(:date AS timestamp(6)), 'UTC')
      AND event_timestamp < with_timezone(CAST(:date + INTERVAL '1' DAY AS timestamp(6)), 'UTC')
      AND video_id IS NOT NULL
  ),
  per_video AS (
    SELECT
      video_id,
      sum(watch_time_ms) / 3.6e6 AS total_watch_time_hrs,
      coalesce(approx_set(user_id) FILTER (WHERE event_type = 'play_start'), empty_approx_set()) AS viewers
    FROM day_events
    GROUP BY video_id
  ),
  pairs AS (
    SELECT
      video_id,
      session_id,
      bool_or(event_type = 'play_start') AS started,
      bool_or(event_type = 'play_finish') AS finished
    FROM day_events
    WHERE session_id IS NOT NULL
    GROUP BY video_id, session_id
  ),
  completion AS (
    SELECT video_id, count_if(started) AS started, count_if(started AND finished) AS finished
    FROM pairs
    GROUP BY video_id
  ),
  end_of_day AS (
    SELECT video_id, max_by(category, valid_from) AS category
    FROM lakehouse.dims.dim_videos_history
    WHERE valid_from < with_timezone(CAST(:date + INTERVAL '1' DAY AS timestamp(6)), 'UTC')
      AND (valid_to IS NULL OR valid_to >= with_timezone(CAST(:date + INTERVAL '1' DAY AS timestamp(6)), 'UTC'))
    GROUP BY video_id
  )
  SELECT
    p.video_id,
    e.category AS category_at_date,
    p.total_watch_time_hrs,
    CASE WHEN c.started > 0 THEN CAST(CAST(c.finished AS double) / c.started AS real) END AS completion_rate,
    coalesce(c.started, 0) AS plays_started,
    coalesce(c.finished, 0) AS plays_finished,
    cardinality(p.viewers) AS unique_viewers,
    CAST(p.viewers AS varbinary) AS viewers_hll
  FROM per_video p
  LEFT JOIN completion c ON c.video_id = p.video_id
  LEFT JOIN end_of_day e ON e.video_id = p.video_id
) s
ON t.date = :date AND t.video_id = s.video_id
WHEN MATCHED THEN UPDATE SET
  category_at_date = coalesce(t.category_at_date, s.category_at_date),
  total_watch_time_hrs = s.total_watch_time_hrs,
  completion_rate = s.completion_rate,
  plays_started = s.plays_started,
  plays_finished = s.plays_finished,
  unique_viewers = s.unique_viewers,
  viewers_hll = s.viewers_hll,
  updated_at = current_timestamp
WHEN NOT MATCHED THEN INSERT
  (date, video_id, category_at_date, total_watch_time_hrs, completion_rate, unique_viewers, retention_d1, viewers_hll, updated_at, plays_started, plays_finished)
  VALUES (:date, s.video_id, s.category_at_date, s.total_watch_time_hrs, s.completion_rate, s.unique_viewers, NULL, s.viewers_hll, current_timestamp,
          s.plays_started, s.plays_finished)
