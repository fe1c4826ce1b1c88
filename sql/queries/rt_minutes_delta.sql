-- Dashboard query: per-minute sums of the real-time log rows written by the micro-batches
-- (:after_batch, :through_batch], for the live hub's incremental minute logs (lib/dashboard/minute-log.ts).
-- Inputs: :after_batch (-1: every batch, i.e. a full recompute), :through_batch (the newest committed
--   batch: its rows and all before it are committed), :since (instant; earlier minutes are not read),
--   :video_id (one video, or NULL for the whole platform).
-- Formula, per window_start >= :since:
--   t_ms = epoch ms of window_start
--   impressions, play_start, play_finish, likes, shares = SUM over the rows with
--     :after_batch < batch_id <= :through_batch (correction rows for late events included)
-- It reads the log itself, not the views: minutes at or after the watermark are kept (partial) and
-- shown once they close. The log is append-only and every row carries its batch_id, so the sums of
-- consecutive deltas add up to the full recompute exactly. batch_id is not a partition column, but
-- Iceberg's per-file min/max of it lets Trino skip every data file written before :after_batch.
SELECT
  to_unixtime(r.window_start) * 1000 AS t_ms,
  sum(r.impressions) AS impressions,
  sum(r.play_start)  AS play_start,
  sum(r.play_finish) AS play_finish,
  sum(r.likes)       AS likes,
  sum(r.shares)      AS shares
FROM lakehouse.gold.rt_video_stats_1min r
WHERE r.batch_id > :after_batch
  AND r.batch_id <= :through_batch
  AND r.window_start >= :since
  AND (:video_id IS NULL OR r.video_id = :video_id)
GROUP BY r.window_start
