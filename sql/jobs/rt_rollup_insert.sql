-- Job statement: roll up the RT log's batches that lakehouse.gold.rt_platform_15min does not hold
-- yet, up to :batch_id: R < batch_id <= :batch_id with R = the rollup's newest batch_id (every batch
-- of the log when the rollup is empty), computed from lakehouse.gold.rt_video_stats_1min itself, so
-- the rollup is exactly what those batches wrote. R is read in this statement, so running it again
-- adds nothing. Normally R is the batch before :batch_id and one batch is read (per-file min/max of
-- batch_id prune the scan); on a lakehouse whose log predates the rollup, this backfills the whole log.
-- Output, per (quarter, batch_id) with quarter = the UTC quarter-hour of window_start
--   (from_unixtime(floor(to_unixtime(window_start) / 900) * 900)):
--   impressions, likes, shares, play_start, play_finish = SUM over the batch's log rows in that quarter.
-- One Iceberg commit: either every batch of the range is in the rollup or none is.
INSERT INTO lakehouse.gold.rt_platform_15min (window_start, impressions, likes, shares, play_start, play_finish, batch_id)
SELECT
  from_unixtime(floor(to_unixtime(l.window_start) / 900) * 900) AS window_start,
  sum(l.impressions) AS impressions,
  sum(l.likes)       AS likes,
  sum(l.shares)      AS shares,
  sum(l.play_start)  AS play_start,
  sum(l.play_finish) AS play_finish,
  l.batch_id
FROM lakehouse.gold.rt_video_stats_1min l
CROSS JOIN (SELECT coalesce(max(batch_id), -9223372036854775807) AS r FROM lakehouse.gold.rt_platform_15min) rolled
WHERE l.batch_id <= :batch_id AND l.batch_id > rolled.r
GROUP BY 1, l.batch_id
