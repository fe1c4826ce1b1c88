-- Check (chaos soak): the current row of every user (lakehouse.dims.dim_users), times as epoch ms,
-- to compare with the last change of each user the producer sent.
SELECT
  user_id, register_country, device_os, is_creator, ltv_segment,
  to_unixtime(join_at) * 1000 AS join_ms, to_unixtime(updated_at) * 1000 AS changed_ms
FROM lakehouse.dims.dim_users
