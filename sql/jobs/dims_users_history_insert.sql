-- Job statement: SCD2 history of users — add one version per change of the batch to
-- lakehouse.dims.dim_users_history, valid from changed_ms; an existing (user_id, valid_from)
-- version is not added again. valid_to is set by dims_users_history_close.
MERGE INTO lakehouse.dims.dim_users_history h
USING (
  SELECT DISTINCT c.user_id, c.register_country, c.device_os, c.is_creator, c.ltv_segment,
         from_unixtime(c.join_ms / 1e3) AS join_at, from_unixtime(c.changed_ms / 1e3) AS valid_from
  FROM lakehouse.bronze.kafka_cdc_users_checked c WHERE c.kafka_partition = 0 AND c.kafka_offset >= :from0 AND c.kafka_offset < :to0 AND c.reason IS NULL
) s
ON h.user_id = s.user_id AND h.valid_from = s.valid_from
WHEN NOT MATCHED THEN INSERT (user_id, register_country, device_os, is_creator, ltv_segment, join_at, valid_from, valid_to)
  VALUES (s.user_id, s.register_country, s.device_os, s.is_creator, s.ltv_segment, s.join_at, s.valid_from, NULL)
