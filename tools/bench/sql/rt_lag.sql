-- Benchmark query: end-to-end lag of the real-time log over the last :minutes minutes of traffic.
-- For each distinct event (first delivery) whose micro-batch has committed:
--   lag = recorded_at of the batch's 'committed' checkpoint - event_timestamp
-- i.e. from the client's event time to the moment its count is visible in gold.rt_video_stats_1min;
-- and ingest_lag = the same commit - ingested_at (the event's Bronze stamp): the pipeline's own part,
-- without the client's delivery delay.
-- Also the batches' own durations: committed.recorded_at - started.recorded_at.
WITH batches AS (
  SELECT batch_id,
         max(ingested_from) AS ingested_from,
         max(ingested_through) AS ingested_through,
         max_by(recorded_at, state = 'committed') AS committed_at,
         max_by(recorded_at, state = 'started') AS started_at,
         max(events_counted) AS events_counted
  FROM lakehouse.meta.job_checkpoints
  WHERE job = 'rt_video_stats_1min' AND recorded_at >= current_timestamp - (:minutes + 5) * INTERVAL '1' MINUTE
  GROUP BY batch_id
  HAVING bool_or(state = 'committed') AND bool_or(state = 'started')
),
firsts AS (
  SELECT event_id, min(event_timestamp) AS event_timestamp, min(ingested_at) AS ingested_at
  FROM lakehouse.bronze.raw_events
  WHERE ingested_at >= current_timestamp - :minutes * INTERVAL '1' MINUTE
  GROUP BY event_id
),
lags AS (
  SELECT date_diff('millisecond', f.event_timestamp, b.committed_at) / 1000e0 AS lag_s,
         date_diff('millisecond', f.ingested_at, b.committed_at) / 1000e0 AS ingest_lag_s
  FROM firsts f
  JOIN batches b ON f.ingested_at > b.ingested_from AND f.ingested_at <= b.ingested_through
)
SELECT
  (SELECT count(*) FROM lags) AS events,
  (SELECT approx_percentile(lag_s, 0.5) FROM lags) AS lag_p50_s,
  (SELECT approx_percentile(lag_s, 0.95) FROM lags) AS lag_p95_s,
  (SELECT approx_percentile(ingest_lag_s, 0.5) FROM lags) AS ingest_lag_p50_s,
  (SELECT approx_percentile(ingest_lag_s, 0.95) FROM lags) AS ingest_lag_p95_s,
  (SELECT count(*) FROM batches) AS batches,
  (SELECT approx_percentile(date_diff('millisecond', started_at, committed_at) / 1000e0, 0.5) FROM batches) AS batch_p50_s,
  (SELECT approx_percentile(date_diff('millisecond', started_at, committed_at) / 1000e0, 0.95) FROM batches) AS batch_p95_s,
  (SELECT avg(events_counted) FROM batches) AS events_per_batch
