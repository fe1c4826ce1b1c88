-- Job statement: the 1-minute micro-batch (seed §4.1) — aggregate one batch of newly delivered
-- Bronze events into lakehouse.gold.rt_video_stats_1min, tagged with :batch_id.
-- Input: Bronze rows with :ingested_from < ingested_at <= :ingested_through.
-- Each event_id counts once: among the batch's rows the first copy (by ingested_at) is kept, and
-- an event_id already delivered before the batch (ingested_at <= :ingested_from) is skipped, since
-- an earlier batch counted it. Copies of one event share event_timestamp, which bounds that lookup.
-- Output, per (video_id, window_start = date_trunc('minute', event_timestamp)):
--   impressions/likes/shares/play_start/play_finish = count of new events of that type,
--   upload_ts = dim_videos.upload_time. A late event yields a correction row for its old window;
--   readers sum rows per window (view gold.rt_video_minute). The log stays append-only.
INSERT INTO lakehouse.gold.rt_video_stats_1min
  (video_id, window_start, upload_ts, impressions, likes, shares, play_start, play_finish, batch_id)
WITH fresh AS (
  SELECT
    event_id, event_timestamp, video_id, event_type,
    row_number() OVER (PARTITION BY event_id ORDER BY ingested_at, video_id, event_type) AS copy_no
  FROM lakehouse.bronze.raw_events
  WHERE ingested_at > :ingested_from AND ingested_at <= :ingested_through
),
firsts AS (
  SELECT event_id, event_timestamp, video_id, event_type FROM fresh WHERE copy_no = 1
),
counted_before AS (
  SELECT DISTINCT b.event_id
  FROM lakehouse.bronze.raw_events b
  WHERE b.ingested_at <= :ingested_from
    AND b.event_timestamp >= (SELECT min(event_timestamp) FROM firsts)
    AND b.event_timestamp <= (SELECT max(event_timestamp) FROM firsts)
    AND b.event_id IN (SELECT event_id FROM firsts)
),
new_events AS (
  SELECT f.*
  FROM firsts f
  LEFT JOIN counted_before c ON c.event_id = f.event_id
  WHERE c.event_id IS NULL
)
SELECT
  n.video_id,
  date_trunc('minute', n.event_timestamp) AS window_start,
  max(v.upload_time) AS upload_ts,
  count_if(n.event_type = 'impression')  AS impressions,
  count_if(n.event_type = 'like')        AS likes,
  count_if(n.event_type = 'share')       AS shares,
  count_if(n.event_type = 'play_start')  AS play_start,
  count_if(n.event_type = 'play_finish') AS play_finish,
  :batch_id AS batch_id
FROM new_events n
LEFT JOIN lakehouse.dims.dim_videos v ON v.video_id = n.video_id
GROUP BY n.video_id, date_trunc('minute', n.event_timestamp)
