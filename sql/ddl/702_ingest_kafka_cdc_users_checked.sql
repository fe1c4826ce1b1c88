-- View lakehouse.bronze.kafka_cdc_users_checked (Pulse's Kafka ingest; local lakehouse only)
-- Every record of topic pulse.cdc.users (one change of a dim_users row: the full new row and its
-- change time, README "Kafka topics"), parsed and checked. reason is NULL for a change the dims
-- take, else why it is a dead letter, by the first check that fails:
--   message_bytes > 1048576 -> 'too large: N bytes (at most 1048576)'
--   not parseable JSON      -> 'not JSON'
--   JSON, not an object     -> 'not a JSON object'
--   a field of the wrong type -> 'a field has the wrong type: …'
--   user_id | register_country | device_os | is_creator | ltv_segment | join_ms | changed_ms absent or null
--                           -> 'missing field: <name>'
-- The dims statements (sql/jobs/dims_users_*) read a batch's offset range of this view.
CREATE OR REPLACE VIEW lakehouse.bronze.kafka_cdc_users_checked SECURITY INVOKER AS
WITH records AS (
  SELECT
    _partition_id AS kafka_partition,
    _partition_offset AS kafka_offset,
    _message_length AS message_bytes,
    _key AS record_key,
    CAST(_timestamp AS timestamp(6) with time zone) AS record_timestamp,
    CASE WHEN _message_length <= 1048576 THEN _message END AS message,
    substr(_message, 1, 4096) AS message_prefix
  FROM kafka.pulse.cdc_users
),
parsed AS (
  SELECT r.*, try(json_parse(r.message)) AS doc FROM records r
),
typed AS (
  SELECT
    p.*,
    try(CAST(p.doc AS ROW(user_id varchar, register_country varchar, device_os varchar, is_creator boolean, ltv_segment varchar, join_ms bigint, changed_ms bigint))) AS c
  FROM parsed p
)
SELECT
  kafka_partition,
  kafka_offset,
  message_bytes,
  message_prefix,
  record_key,
  record_timestamp,
  c.user_id,
  c.register_country,
  c.device_os,
  c.is_creator,
  c.ltv_segment,
  c.join_ms,
  c.changed_ms,
  CASE
    WHEN message_bytes > 1048576 THEN format('too large: %d bytes (at most 1048576)', message_bytes)
    WHEN doc IS NULL THEN 'not JSON'
    WHEN NOT starts_with(ltrim(substr(message, 1, 64)), '{') THEN 'not a JSON object'
    WHEN c IS NULL THEN 'a field has the wrong type: join_ms and changed_ms are epoch milliseconds, is_creator a boolean, the rest strings'
    WHEN c.user_id IS NULL THEN 'missing field: user_id'
    WHEN c.register_country IS NULL THEN 'missing field: register_country'
    WHEN c.device_os IS NULL THEN 'missing field: device_os'
    WHEN c.is_creator IS NULL THEN 'missing field: is_creator'
    WHEN c.ltv_segment IS NULL THEN 'missing field: ltv_segment'
    WHEN c.join_ms IS NULL THEN 'missing field: join_ms'
    WHEN c.changed_ms IS NULL THEN 'missing field: changed_ms'
  END AS reason
FROM typed
