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
-- delivered_ms: the record's `ingested_at` header (epoch ms as text), which only a backfill honours.
-- Readers filter on kafka_partition and kafka_offset; the connector turns those into the offset
-- range it reads, so a batch reads its records only. Local only (attach-migrate.ts skips `_ingest_`
-- files): an attached lakehouse has no `kafka` catalog.
CREATE OR REPLACE VIEW lakehouse.bronze.kafka_events_checked SECURITY INVOKER AS
WITH records AS (
  SELECT
    _partition_id AS kafka_partition,
    _partition_offset AS kafka_offset,
    _message_length AS message_bytes,
    _key AS record_key,
    CAST(_timestamp AS timestamp(6) with time zone) AS record_timestamp,
    element_at(_headers, 'ingested_at') AS ingested_at_header,
    CASE WHEN _message_length <= 1048576 THEN _message END AS message,
    substr(_message, 1, 4096) AS message_prefix
  FROM kafka.pulse.events
),
parsed AS (
  SELECT r.*, try(json_parse(r.message)) AS doc FROM records r
),
typed AS (
  SELECT
    p.*,
    try(CAST(p.doc AS ROW(event_id varchar, event_timestamp bigint, video_id varchar, user_id varchar, event_type varchar, payload json))) AS e
  FROM parsed p
)
SELECT
  kafka_partition,
  kafka_offset,
  message_bytes,
  message_prefix,
  record_key,
  record_timestamp,
  e.event_id,
  e.event_timestamp AS event_ms,
  e.video_id,
  e.user_id,
  e.event_type,
  json_format(e.payload) AS raw_payload,
  try(CAST(from_utf8(ingested_at_header[1]) AS bigint)) AS delivered_ms,
  CASE
    WHEN message_bytes > 1048576 THEN format('too large: %d bytes (at most 1048576)', message_bytes)
    WHEN doc IS NULL THEN 'not JSON'
    WHEN NOT starts_with(ltrim(substr(message, 1, 64)), '{') THEN 'not a JSON object'
    WHEN e IS NULL THEN 'a field has the wrong type: event_timestamp is epoch milliseconds, the ids and event_type are strings, payload is an object'
    WHEN e.event_id IS NULL THEN 'missing field: event_id'
    WHEN e.event_timestamp IS NULL THEN 'missing field: event_timestamp'
    WHEN e.video_id IS NULL THEN 'missing field: video_id'
    WHEN e.user_id IS NULL THEN 'missing field: user_id'
    WHEN e.event_type IS NULL THEN 'missing field: event_type'
    WHEN e.payload IS NULL THEN 'missing field: payload'
    WHEN e.event_type NOT IN ('impression', 'play_start', 'play_finish', 'like', 'share') THEN 'unknown event_type: ' || substr(e.event_type, 1, 40)
    WHEN length(e.event_id) > 64 OR length(e.video_id) > 64 OR length(e.user_id) > 64 THEN 'an id is longer than 64 characters'
    WHEN NOT starts_with(json_format(e.payload), '{') THEN 'payload is not a JSON object'
    WHEN e.event_timestamp > to_unixtime(current_timestamp) * 1000 + 86400000 THEN 'event_timestamp more than a day in the future'
    WHEN e.event_timestamp < 946684800000 THEN 'event_timestamp before 2000-01-01'
  END AS reason
FROM typed
