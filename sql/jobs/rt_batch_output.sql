-- Job statement: what micro-batch :batch_id wrote to lakehouse.gold.rt_video_stats_1min
-- (rows, and events = sum of the five counters). Zero rows means its Gold commit never happened.
-- Every row of a batch is written in one commit, so per-file min/max of batch_id prune the scan.
SELECT count(*) AS rows_written,
       coalesce(sum(impressions + likes + shares + play_start + play_finish), 0) AS events_counted
FROM lakehouse.gold.rt_video_stats_1min
WHERE batch_id = :batch_id
