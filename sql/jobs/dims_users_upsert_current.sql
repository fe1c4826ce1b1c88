-- Job statement: CDC upsert of lakehouse.dims.dim_users (seed §3.2) from one batch of changes.
-- :changes is a JSON array of objects {user_id, register_country, device_os, is_creator,
-- ltv_segment, join_ms, changed_ms}, each the full new row of a user at time changed_ms.
-- Per user the newest change of the batch wins, applied only if newer than the row's updated_at.
MERGE INTO lakehouse.dims.dim_users t
USING (
  SELECT c.*
  FROM (
    SELECT c.*, row_number() OVER (PARTITION BY c.user_id ORDER BY c.changed_ms DESC) AS rn
    FROM UNNEST(CAST(json_parse(:changes) AS array(row(user_id varchar, register_country varchar, device_os varchar, is_creator boolean, ltv_segment varchar, join_ms bigint, changed_ms bigint)))) AS c
  ) c
  WHERE c.rn = 1
) s
ON t.user_id = s.user_id
WHEN MATCHED AND (t.updated_at IS NULL OR t.updated_at < from_unixtime(s.changed_ms / 1e3)) THEN UPDATE SET
  register_country = s.register_country, device_os = s.device_os, is_creator = s.is_creator,
  ltv_segment = s.ltv_segment, join_at = from_unixtime(s.join_ms / 1e3), updated_at = from_unixtime(s.changed_ms / 1e3)
WHEN NOT MATCHED THEN INSERT (user_id, register_country, device_os, is_creator, ltv_segment, join_at, updated_at)
  VALUES (s.user_id, s.register_country, s.device_os, s.is_creator, s.ltv_segment, from_unixtime(s.join_ms / 1e3), from_unixtime(s.changed_ms / 1e3))
