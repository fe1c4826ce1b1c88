-- Job statement (test fixtures only: tools/testing/bronze-writer.ts): append one batch of events to lakehouse.bronze.raw_events.
-- :batch is one JSON literal, an array of [event_id, event_epoch_ms, video_id, user_id, event_type,
-- raw_payload, ingested_epoch_ms | null]; one literal parses far faster in Trino than a VALUES list
-- of the same rows. ingested_at = the given delivery time (backfill), else the statement's own
-- current_timestamp (live writes), which the micro-batch's commit-safety margin is based on.
INSERT INTO lakehouse.bronze.raw_events (event_id, event_timestamp, video_id, user_id, event_type, raw_payload, ingested_at)
SELECT
  e[1],
  CAST(from_unixtime_nanos(CAST(e[2] AS bigint) * 1000000) AS timestamp(6) with time zone),
  e[3],
  e[4],
  e[5],
  e[6],
  coalesce(CAST(from_unixtime_nanos(CAST(e[7] AS bigint) * 1000000) AS timestamp(6) with time zone), current_timestamp)
FROM UNNEST(CAST(json_parse(:batch) AS array(array(varchar)))) AS t (e)
