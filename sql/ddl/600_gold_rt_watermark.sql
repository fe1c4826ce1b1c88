-- View lakehouse.gold.rt_watermark: the single "complete through" instant of the real-time log.
-- Formula:  complete_through = least( coalesce(max(meta.job_checkpoints.complete_through
--                     of committed rows of job 'rt_video_stats_1min'), m_now),  m_now )
--           where m_now = date_trunc('minute', current_timestamp), the start of the still-open minute.
-- A 1-minute window is closed iff window_start < complete_through: over on the clock AND aggregated
-- by the micro-batch. Before the micro-batch has ever run, only the clock counts.
-- Every read-time view below anchors on this, so no chart draws the open minute as a drop.
CREATE OR REPLACE VIEW lakehouse.gold.rt_watermark
SECURITY DEFINER
AS
SELECT least(
         coalesce(max(complete_through), date_trunc('minute', current_timestamp)),
         date_trunc('minute', current_timestamp)
       ) AS complete_through
FROM lakehouse.meta.job_checkpoints
WHERE job = 'rt_video_stats_1min' AND state = 'committed'
