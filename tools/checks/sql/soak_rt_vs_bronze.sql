-- Check (chaos soak): Gold RT (lakehouse.gold.rt_video_stats_1min) against a recomputation from
-- Bronze, cell by cell, as of the newest committed micro-batch B (meta.job_checkpoints).
-- Recomputation: Bronze rows with ingested_at <= B's ingested_through; each event_id once (its first
-- copy by ingested_at, video_id, event_type, as the micro-batch keeps it); per (video_id, minute of
-- event_timestamp) the count of each of the five event types.
-- Log side: rows of batches <= B summed per (video_id, window_start) (corrections included).
-- Both sides only over windows of the last 6 days (the hourly TTL removes older log rows).
-- Output: cells compared, cells where any count differs, and the events each side counts.
WITH latest AS (
  SELECT batch_id, max(ingested_through) AS through
  FROM lakehouse.meta.job_checkpoints
  WHERE job = 'rt_video_stats_1min'
  GROUP BY batch_id
  HAVING bool_or(state = 'committed')
  ORDER BY batch_id DESC
  LIMIT 1
),
copies AS (
  SELECT
    video_id, event_type, event_timestamp,
    row_number() OVER (PARTITION BY event_id ORDER BY ingested_at, video_id, event_type) AS copy_no
  FROM lakehouse.bronze.raw_events
  WHERE ingested_at <= (SELECT through FROM latest)
),
recomputed AS (
  SELECT
    video_id,
    date_trunc('minute', event_timestamp) AS window_start,
    count_if(event_type = 'impression') AS impressions,
    count_if(event_type = 'like') AS likes,
    count_if(event_type = 'share') AS shares,
    count_if(event_type = 'play_start') AS play_start,
    count_if(event_type = 'play_finish') AS play_finish
  FROM copies
  WHERE copy_no = 1 AND event_timestamp >= current_timestamp - INTERVAL '6' DAY
  GROUP BY 1, 2
),
logged AS (
  SELECT
    video_id, window_start,
    sum(impressions) AS impressions, sum(likes) AS likes, sum(shares) AS shares,
    sum(play_start) AS play_start, sum(play_finish) AS play_finish
  FROM lakehouse.gold.rt_video_stats_1min
  WHERE batch_id <= (SELECT batch_id FROM latest) AND window_start >= current_timestamp - INTERVAL '6' DAY
  GROUP BY 1, 2
)
SELECT
  (SELECT batch_id FROM latest) AS batch_id,
  to_unixtime((SELECT through FROM latest)) * 1000 AS through_ms,
  count(*) AS cells,
  count_if(
    r.impressions IS DISTINCT FROM l.impressions OR r.likes IS DISTINCT FROM l.likes OR r.shares IS DISTINCT FROM l.shares
    OR r.play_start IS DISTINCT FROM l.play_start OR r.play_finish IS DISTINCT FROM l.play_finish
  ) AS cells_off,
  coalesce(sum(r.impressions + r.likes + r.shares + r.play_start + r.play_finish), 0) AS recomputed_events,
  coalesce(sum(l.impressions + l.likes + l.shares + l.play_start + l.play_finish), 0) AS logged_events
FROM recomputed r
FULL OUTER JOIN logged l ON l.video_id = r.video_id AND l.window_start = r.window_start
