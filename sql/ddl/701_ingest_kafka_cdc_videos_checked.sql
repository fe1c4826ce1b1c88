-- View lakehouse.bronze.kafka_cdc_videos_checked (Pulse's Kafka ingest; local lakehouse only)
-- Every record of topic pulse.cdc.videos (one change of a dim_videos row: the full new row and its
-- change time, README "Kafka topics"), parsed and checked. reason is NULL for a change the dims
-- take, else why it is a dead letter, by the first check that fails:
--   message_bytes > 1048576 -> 'too large: N bytes (at most 1048576)'
--   not parseable JSON      -> 'not JSON'
--   JSON, not an object     -> 'not a JSON object'
--   a field of the wrong type -> 'a field has the wrong type: …'
--   video_id | creator_id | category | duration_ms | upload_ms | status | changed_ms absent or null
--                           -> 'missing field: <name>'
--   status not active/banned -> 'unknown status: <first 40 characters>'
-- hashtags may be absent (an empty list). The dims statements (sql/jobs/dims_videos_*) read a
-- batch's offset range of this view; the connector reads exactly that range.
CREATE OR REPLACE VIEW lakehouse.bronze.kafka_cdc_videos_checked SECURITY INVOKER AS
WITH records AS (
  SELECT
    _partition_id AS kafka_partition,
    _partition_offset AS kafka_offset,
    _message_length AS message_bytes,
    _key AS record_key,
    CAST(_timestamp AS timestamp(6) with time zone) AS record_timestamp,
    CASE WHEN _message_length <= 1048576 THEN _message END AS message,
    substr(_message, 1, 4096) AS message_prefix
  FROM kafka.pulse.cdc_videos
),
parsed AS (
  SELECT r.*, try(json_parse(r.message)) AS doc FROM records r
),
typed AS (
  SELECT
    p.*,
    try(CAST(p.doc AS ROW(video_id varchar, creator_id varchar, category varchar, hashtags array(varchar), duration_ms bigint, upload_ms bigint, status varchar, changed_ms bigint))) AS c
  FROM parsed p
)
SELECT
  kafka_partition,
  kafka_offset,
  message_bytes,
  message_prefix,
  record_key,
  record_timestamp,
  c.video_id,
  c.creator_id,
  c.category,
  coalesce(c.hashtags, CAST(ARRAY[] AS array(varchar))) AS hashtags,
  c.duration_ms,
  c.upload_ms,
  c.status,
  c.changed_ms,
  CASE
    WHEN message_bytes > 1048576 THEN format('too large: %d bytes (at most 1048576)', message_bytes)
    WHEN doc IS NULL THEN 'not JSON'
    WHEN NOT starts_with(ltrim(substr(message, 1, 64)), '{') THEN 'not a JSON object'
    WHEN c IS NULL THEN 'a field has the wrong type: duration_ms, upload_ms and changed_ms are epoch milliseconds, hashtags a list of strings, the rest strings'
    WHEN c.video_id IS NULL THEN 'missing field: video_id'
    WHEN c.creator_id IS NULL THEN 'missing field: creator_id'
    WHEN c.category IS NULL THEN 'missing field: category'
    WHEN c.duration_ms IS NULL THEN 'missing field: duration_ms'
    WHEN c.upload_ms IS NULL THEN 'missing field: upload_ms'
    WHEN c.status IS NULL THEN 'missing field: status'
    WHEN c.changed_ms IS NULL THEN 'missing field: changed_ms'
    WHEN c.status NOT IN ('active', 'banned') THEN 'unknown status: ' || substr(c.status, 1, 40)
  END AS reason
FROM typed
