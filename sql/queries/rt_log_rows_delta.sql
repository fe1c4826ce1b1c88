-- Dashboard query: the real-time log's rows written by the micro-batches (:after_batch, :through_batch],
-- as they are, for the live hub's incremental minute logs (lib/dashboard/minute-log.ts), which add
-- rows of the same minute up. Used for short deltas (lib/server/live/minute-statement.ts); full
-- recomputes and long spans read rt_minutes_delta.sql, which sums per minute in Trino.
-- Inputs: :after_batch (>= 0), :through_batch (the newest committed batch), :since (instant; earlier
--   minutes are not read), :video_id (one video, or NULL for the whole platform).
-- Formula, per row with :after_batch < batch_id <= :through_batch and window_start >= :since
-- (correction rows for late events included):
--   t_ms = epoch ms of window_start
--   impressions, play_start, play_finish, likes, shares = the row's own counts
-- Summing per minute in the dashboard instead of Trino keeps the statement to one stage (a scan):
-- the aggregation's second stage and its exchange cost more Trino time than the few hundred rows
-- a one-minute batch writes take to send (interleaved on the demo: median 110 ms -> 76 ms).
SELECT
  to_unixtime(r.window_start) * 1000 AS t_ms,
  r.impressions,
  r.play_start,
  r.play_finish,
  r.likes,
  r.shares
FROM lakehouse.gold.rt_video_stats_1min r
WHERE r.batch_id > :after_batch
  AND r.batch_id <= :through_batch
  AND r.window_start >= :since
  AND (:video_id IS NULL OR r.video_id = :video_id)
