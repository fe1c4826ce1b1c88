-- Job statement: the micro-batch's checkpoint — the newest batch of job 'rt_video_stats_1min' and
-- whether it was committed (a 'started' batch without 'committed' was interrupted).
SELECT
  batch_id,
  bool_or(state = 'committed') AS committed,
  to_unixtime(max(ingested_from)) * 1000 AS ingested_from_ms,
  to_unixtime(max(ingested_through)) * 1000 AS ingested_through_ms,
  to_unixtime(max(complete_through)) * 1000 AS complete_through_ms
FROM lakehouse.meta.job_checkpoints
WHERE job = 'rt_video_stats_1min'
GROUP BY batch_id
ORDER BY batch_id DESC
LIMIT 1
