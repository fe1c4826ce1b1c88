-- Table lakehouse.meta.pipeline_watermarks (Pulse bookkeeping, not in the seed)
-- Append-only log of how far each job's output is complete. For job 'rt_video_stats_1min',
-- complete_through = T means every 1-minute window with window_start < T has been aggregated
-- into gold.rt_video_stats_1min (late events may still add correction rows for older windows).
-- The read-time views take  watermark = max(complete_through)  capped at the current minute, so a
-- minute is "closed" only when it is both over on the clock and processed by the micro-batch.
CREATE TABLE IF NOT EXISTS lakehouse.meta.pipeline_watermarks (
  job              varchar,
  complete_through timestamp(6) with time zone,
  recorded_at      timestamp(6) with time zone,
  detail           varchar
)
WITH (format = 'PARQUET', format_version = 2, partitioning = ARRAY['job'])
