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
SELECT
  c.committed AS rt_committed,
  IF(c.committed, to_unixtime(w.complete_through) * 1000) AS watermark_ms,
  to_unixtime(c.first_commit) * 1000 AS first_commit_ms,
  s.days_done AS seed_days_done,
  s.days_total AS seed_days_total
FROM lakehouse.gold.rt_watermark w
CROSS JOIN (
  SELECT count(*) > 0 AS committed, min(recorded_at) AS first_commit
  FROM lakehouse.meta.job_checkpoints
  WHERE job = 'rt_video_stats_1min' AND state = 'committed'
) c
LEFT JOIN lakehouse.meta.seed_progress s ON NOT s.finished
