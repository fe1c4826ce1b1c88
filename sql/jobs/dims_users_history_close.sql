-- Job statement: SCD2 history of users — re-derive valid_to for the users of a change batch:
-- valid_to = lead(valid_from) over the user's versions; the newest stays open (NULL).
MERGE INTO lakehouse.dims.dim_users_history h
USING (
  SELECT user_id, valid_from, lead(valid_from) OVER (PARTITION BY user_id ORDER BY valid_from) AS next_from
  FROM lakehouse.dims.dim_users_history
  WHERE user_id IN (SELECT c.user_id FROM lakehouse.bronze.kafka_cdc_users_checked c WHERE c.kafka_partition = 0 AND c.kafka_offset >= :from0 AND c.kafka_offset < :to0 AND c.reason IS NULL)
) s
ON h.user_id = s.user_id AND h.valid_from = s.valid_from
WHEN MATCHED AND s.next_from IS NOT NULL AND (h.valid_to IS NULL OR h.valid_to <> s.next_from) THEN UPDATE SET valid_to = s.next_from
