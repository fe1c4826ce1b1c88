-- Job statement: Silver daily, step 1 — remove every row of UTC date :date from
-- lakehouse.silver.fact_user_engagement before silver_insert_date rebuilds it.
-- Formula: event_timestamp in [:date 00:00 UTC, :date + 1 day 00:00 UTC). That is the same set as
-- date = :date (the job always derives date as the UTC day of event_timestamp), but phrased on the
-- partition column it covers whole day(event_timestamp) partitions, so Iceberg drops them as a
-- metadata-only delete instead of writing delete files.
DELETE FROM lakehouse.silver.fact_user_engagement
WHERE event_timestamp >= with_timezone(CAST(:date AS timestamp(6)), 'UTC')
  AND event_timestamp < with_timezone(CAST(:date + INTERVAL '1' DAY AS timestamp(6)), 'UTC')
