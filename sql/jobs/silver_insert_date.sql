-- Job statement: Silver daily, step 2 (seed §3.1) — insert every event of UTC date :date into
-- lakehouse.silver.fact_user_engagement, after silver_delete_date emptied that date.
-- Input: Bronze events with event_timestamp in [:date - 1 day, :date + 1 day) UTC. The extra
--   day before is read only so that sessions crossing midnight keep their id; only :date's
--   events are written.
-- Dedup: one row per event_id, the copy with the earliest ingested_at (ties: the remaining
--   columns, so the pick never depends on scan order). Copies share event_timestamp.
-- Payload: watch_time_ms = $.watch_time_ms as bigint (a decimal is rounded), 0 when absent or
--   unreadable. By design only play_start carries a play's whole watch time (reported when the
--   viewer leaves, stamped at play start), so sum(watch_time_ms) also counts abandoned plays.
--   device_model, network, app_ver, vr_headset_model = the payload's strings (NULL when absent;
--   vr_headset_model arrived later, see sql/ddl/310).
-- Sessions, per user ordered by (event_timestamp, event_id): an event opens a new session when
--   event_timestamp > previous event_timestamp + 30 minutes (a gap of exactly 30 minutes stays).
--   session_id = lower(hex(md5(user_id || '|' || ISO-8601 UTC instant of the session's first
--   event))), stable across re-runs. Exception: the user's first session in the window, when its
--   first event lies within 30 minutes after :date - 1 day 00:00, may have begun the day before
--   (activity never pausing 30 minutes through a whole day); its id is then the one the Silver row
--   of that first event already holds, which came from the previous day's own look-back. Any
--   later first event cannot have an earlier predecessor, so its computed id is already that one.
-- Point in time: the dims_*_history version with valid_from <= event_timestamp AND (valid_to IS
--   NULL OR event_timestamp < valid_to); no version -> NULLs. Should versions overlap (the moment
--   between CDC's history insert and close), the newest valid_from wins, so no event is doubled.
--   video_duration_ms = duration_ms, category_at_event = category, ltv_segment_at_event = ltv_segment.
-- completion_rate = real(watch_time_ms / video_duration_ms) for play_start, NULL for other
--   events and when the duration is unknown or 0. date = :date.
INSERT INTO lakehouse.silver.fact_user_engagement
  (event_id, event_timestamp, date, user_id, video_id, session_id, event_type, watch_time_ms,
   video_duration_ms, completion_rate, ltv_segment_at_event, category_at_event, device_model, network, app_ver, vr_headset_model)
WITH copies AS (
  SELECT
    event_id, event_timestamp, video_id, user_id, event_type, raw_payload,
    row_number() OVER (
      PARTITION BY event_id
      ORDER BY ingested_at, event_timestamp, user_id, video_id, event_type, raw_payload
    ) AS copy_no
  FROM lakehouse.bronze.raw_events
  WHERE event_timestamp >= with_timezone(CAST(:date - INTERVAL '1' DAY AS timestamp(6)), 'UTC')
    AND event_timestamp < with_timezone(CAST(:date + INTERVAL '1' DAY AS timestamp(6)), 'UTC')
),
events AS (
  SELECT event_id, event_timestamp, video_id, user_id, event_type, raw_payload
  FROM copies
  WHERE copy_no = 1
),
flagged AS (
  SELECT
    e.*,
    CASE
      WHEN lag(event_timestamp) OVER w IS NULL THEN 1
      WHEN event_timestamp > lag(event_timestamp) OVER w + INTERVAL '30' MINUTE THEN 1
      ELSE 0
    END AS opens_session
  FROM events e
  WINDOW w AS (PARTITION BY user_id ORDER BY event_timestamp, event_id)
),
numbered AS (
  SELECT
    f.*,
    sum(opens_session) OVER (PARTITION BY user_id ORDER BY event_timestamp, event_id ROWS UNBOUNDED PRECEDING) AS session_no
  FROM flagged f
),
sessions AS (
  SELECT
    n.*,
    first_value(event_timestamp) OVER s AS session_start,
    first_value(event_id) OVER s AS session_first_event
  FROM numbered n
  WINDOW s AS (PARTITION BY user_id, session_no ORDER BY event_timestamp, event_id)
),
prior AS (
  SELECT event_id, user_id, session_id
  FROM lakehouse.silver.fact_user_engagement
  WHERE event_timestamp >= with_timezone(CAST(:date - INTERVAL '1' DAY AS timestamp(6)), 'UTC')
    AND event_timestamp <= with_timezone(CAST(:date - INTERVAL '1' DAY AS timestamp(6)), 'UTC') + INTERVAL '30' MINUTE
),
enriched AS (
  SELECT
    s.event_id, s.event_timestamp, s.user_id, s.video_id, s.event_type, s.raw_payload,
    coalesce(p.session_id, lower(to_hex(md5(to_utf8(s.user_id || '|' || to_iso8601(s.session_start)))))) AS session_id,
    v.duration_ms, v.category, u.ltv_segment,
    row_number() OVER (PARTITION BY s.event_id ORDER BY v.valid_from DESC, u.valid_from DESC) AS version_no
  FROM sessions s
  LEFT JOIN prior p
    ON s.session_no = 1 AND p.event_id = s.session_first_event AND p.user_id = s.user_id
  LEFT JOIN lakehouse.dims.dim_users_history u
    ON u.user_id = s.user_id
   AND u.valid_from <= s.event_timestamp AND (u.valid_to IS NULL OR s.event_timestamp < u.valid_to)
  LEFT JOIN lakehouse.dims.dim_videos_history v
    ON v.video_id = s.video_id
   AND v.valid_from <= s.event_timestamp AND (v.valid_to IS NULL OR s.event_timestamp < v.valid_to)
  WHERE s.event_timestamp >= with_timezone(CAST(:date AS timestamp(6)), 'UTC')
),
parsed AS (
  SELECT
    e.*,
    coalesce(try_cast(watch_text AS bigint), try(CAST(round(try_cast(watch_text AS double)) AS bigint)), 0) AS watch_time_ms
  FROM (
    SELECT enriched.*, json_extract_scalar(raw_payload, '$.watch_time_ms') AS watch_text
    FROM enriched
    WHERE version_no = 1
  ) e
)
SELECT
  event_id,
  event_timestamp,
  :date AS date,
  user_id,
  video_id,
  session_id,
  event_type,
  watch_time_ms,
  duration_ms AS video_duration_ms,
  CASE
    WHEN event_type = 'play_start' AND duration_ms > 0 THEN CAST(CAST(watch_time_ms AS double) / duration_ms AS real)
  END AS completion_rate,
  ltv_segment AS ltv_segment_at_event,
  category AS category_at_event,
  json_extract_scalar(raw_payload, '$.device_model') AS device_model,
  json_extract_scalar(raw_payload, '$.network') AS network,
  json_extract_scalar(raw_payload, '$.app_ver') AS app_ver,
  json_extract_scalar(raw_payload, '$.vr_headset_model') AS vr_headset_model
FROM parsed
