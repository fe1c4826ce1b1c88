-- Job statement: CDC upsert of lakehouse.dims.dim_users (seed §3.2) from one batch of changes.
-- Reads one ingest batch of topic pulse.cdc.users, the records with :from0 <= offset < :to0 that
-- view bronze.kafka_cdc_users_checked takes (reason NULL): objects {user_id, register_country, device_os, is_creator,
-- ltv_segment, join_ms, changed_ms}, each the full new row of a user at time changed_ms.
-- Per user the newest change of the batch wins, applied only if newer than the row's updated_at.
MERGE INTO lakehouse.dims.dim_users t
USING (
  SELECT c.*
  FROM (
    SELECT c.*, row_number() OVER (PARTITION BY c.user_id ORDER BY c.changed_ms DESC) AS rn
    FROM lakehouse.bronze.kafka_cdc_users_checked c WHERE c.kafka_partition = 0 AND c.kafka_offset >= :from0 AND c.kafka_offset < :to0 AND c.reason IS NULL
  ) c
  WHERE c.rn = 1
) s
ON t.user_id = s.user_id
WHEN MATCHED AND (t.updated_at IS NULL OR t.updated_at < from_unixtime(s.changed_ms / 1e3)) THEN UPDATE SET
  register_country = s.register_country, device_os = s.device_os, is_creator = s.is_creator,
  ltv_segment = s.ltv_segment, join_at = from_unixtime(s.join_ms / 1e3), updated_at = from_unixtime(s.changed_ms / 1e3)
WHEN NOT MATCHED THEN INSERT (user_id, register_country, device_os, is_creator, ltv_segment, join_at, updated_at)
  VALUES (s.user_id, s.register_country, s.device_os, s.is_creator, s.ltv_segment, from_unixtime(s.join_ms / 1e3), from_unixtime(s.changed_ms / 1e3))
