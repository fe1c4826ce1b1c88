-- Dashboard query: the real-time watermark, and while no micro-batch has committed, how far history has loaded.
-- Formula:
--   rt_committed      = some row of job 'rt_video_stats_1min' in meta.job_checkpoints has state 'committed'
--   watermark_ms      = epoch ms of gold.rt_watermark.complete_through (the end of the last closed,
--                       aggregated minute) when rt_committed, else NULL: before the first commit that
--                       view falls back to the clock, and no minute is processed yet
--   first_commit_ms   = min recorded_at of those committed rows (NULL before): a panel result fetched
--                       before it was computed while history was still loading
--   seed_days_done, seed_days_total = meta.seed_progress of the newest seed run while it has not
--                       finished (NULL when no seed is running)
--   rt_batch_id       = max batch_id of those committed rows (NULL before): the live hub's version of
--                       the real-time log; rows of gold.rt_video_stats_1min with batch_id <= it are committed
--   daily_version_ms  = max recorded_at of committed 'silver_daily' and 'gold_daily' rows, epoch ms
--                       (NULL before the first build): moves with every daily build, rebuilds included
SELECT
  c.committed AS rt_committed,
  IF(c.committed, to_unixtime(w.complete_through) * 1000) AS watermark_ms,
  to_unixtime(c.first_commit) * 1000 AS first_commit_ms,
  s.days_done AS seed_days_done,
  s.days_total AS seed_days_total,
  c.last_batch AS rt_batch_id,
  to_unixtime(d.built_at) * 1000 AS daily_version_ms
FROM lakehouse.gold.rt_watermark w
CROSS JOIN (
  SELECT count(*) > 0 AS committed, min(recorded_at) AS first_commit, max(batch_id) AS last_batch
  FROM lakehouse.meta.job_checkpoints
  WHERE job = 'rt_video_stats_1min' AND state = 'committed'
) c
CROSS JOIN (
  SELECT max(recorded_at) AS built_at
  FROM lakehouse.meta.job_checkpoints
  WHERE job IN ('silver_daily', 'gold_daily') AND state = 'committed'
) d
LEFT JOIN lakehouse.meta.seed_progress s ON NOT s.finished
