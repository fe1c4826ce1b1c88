-- View lakehouse.bronze.kafka_events_checked (Pulse's Kafka ingest; local lakehouse only)
-- Every record of topic pulse.events (Trino's Kafka connector, catalog `kafka`), parsed by the
-- topic's JSON contract (README, "Kafka topics") and checked. reason is NULL for a record Bronze
-- takes, else why it is a dead letter, by the first check that fails, in this order:
--   message_bytes > 1048576                          -> 'too large: N bytes (at most 1048576)'
--   not parseable JSON                               -> 'not JSON'
--   JSON, but not an object                          -> 'not a JSON object'
--   a field of the wrong type                        -> 'a field has the wrong type: …'
--   event_id | event_timestamp | video_id | user_id | event_type | payload absent or null
--                                                    -> 'missing field: <name>'
--   event_type not one of the seed's five            -> 'unknown event_type: <first 40 characters>'
--   an id longer than 64 characters                  -> 'an id is longer than 64 characters'
--   payload not an object                            -> 'payload is not a JSON object'
--   event_timestamp > now + 1 day                    -> 'event_timestamp more than a day in the future'
--   event_timestamp < 2000-01-01                     -> 'event_timestamp before 2000-01-01'
-- A wrong type: event_timestamp present but not a whole number (a number in a string, "17...",
-- is taken as one); an id or event_type that is an object or array (its text starts with { or [;
-- a number or boolean is taken as its text); payload present but a string, number or boolean.
-- delivered_ms: the record's `ingested_at` header (epoch ms as text), which only a backfill honours.
-- The fields come from the connector's JSON decoder (tools/trino/kafka-catalog.ts: one Jackson
-- parse per record, each top-level field as VARCHAR text, an object as its compact JSON), which
-- costs a third of parsing the text again in SQL; a record that is not JSON sets _message_corrupt.
-- Readers filter on kafka_partition and kafka_offset; the connector turns those into the offset
-- range it reads, so a batch reads its records only. Local only (attach-migrate.ts skips `_ingest_`
-- files): an attached lakehouse has no `kafka` catalog.
CREATE OR REPLACE VIEW lakehouse.bronze.kafka_events_checked SECURITY INVOKER AS
WITH records AS (
  SELECT
    _partition_id AS kafka_partition,
    _partition_offset AS kafka_offset,
    _message_length AS message_bytes,
    _message_corrupt AS not_json,
    _key AS record_key,
    CAST(_timestamp AS timestamp(6) with time zone) AS record_timestamp,
    element_at(_headers, 'ingested_at') AS ingested_at_header,
    substr(_message, 1, 4096) AS message_prefix,
    event_id,
    event_timestamp AS event_timestamp_text,
    try_cast(event_timestamp AS bigint) AS event_ms,
    video_id,
    user_id,
    event_type,
    payload,
    -- Non-null only when payload is a string, number or boolean (an object gives NULL).
    CASE WHEN _message_length <= 1048576 AND starts_with(payload, '{') THEN json_extract_scalar(_message, '$.payload') END AS payload_scalar
  FROM kafka.pulse.events
)
SELECT
  kafka_partition,
  kafka_offset,
  message_bytes,
  message_prefix,
  record_key,
  record_timestamp,
  event_id,
  event_ms,
  video_id,
  user_id,
  event_type,
  payload AS raw_payload,
  try(CAST(from_utf8(ingested_at_header[1]) AS bigint)) AS delivered_ms,
  CASE
    WHEN message_bytes > 1048576 THEN format('too large: %d bytes (at most 1048576)', message_bytes)
    WHEN not_json THEN 'not JSON'
    WHEN NOT starts_with(ltrim(substr(message_prefix, 1, 64)), '{') THEN 'not a JSON object'
    WHEN (event_timestamp_text IS NOT NULL AND event_ms IS NULL)
      OR substr(event_id, 1, 1) IN ('{', '[') OR substr(video_id, 1, 1) IN ('{', '[')
      OR substr(user_id, 1, 1) IN ('{', '[') OR substr(event_type, 1, 1) IN ('{', '[')
      THEN 'a field has the wrong type: event_timestamp is epoch milliseconds, the ids and event_type are strings, payload is an object'
    WHEN event_id IS NULL THEN 'missing field: event_id'
    WHEN event_timestamp_text IS NULL THEN 'missing field: event_timestamp'
    WHEN video_id IS NULL THEN 'missing field: video_id'
    WHEN user_id IS NULL THEN 'missing field: user_id'
    WHEN event_type IS NULL THEN 'missing field: event_type'
    WHEN payload IS NULL THEN 'missing field: payload'
    WHEN event_type NOT IN ('impression', 'play_start', 'play_finish', 'like', 'share') THEN 'unknown event_type: ' || substr(event_type, 1, 40)
    WHEN length(event_id) > 64 OR length(video_id) > 64 OR length(user_id) > 64 THEN 'an id is longer than 64 characters'
    WHEN NOT starts_with(payload, '{') OR payload_scalar IS NOT NULL THEN 'payload is not a JSON object'
    WHEN event_ms > to_unixtime(current_timestamp) * 1000 + 86400000 THEN 'event_timestamp more than a day in the future'
    WHEN event_ms < 946684800000 THEN 'event_timestamp before 2000-01-01'
  END AS reason
FROM records
