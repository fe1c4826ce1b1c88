-- Statement: one rule, not deleted, locked for its evaluation (the transaction that updates its
-- state and records its events), so two evaluations of the same commit cannot interleave.
-- Parameters: $1 id.
SELECT id, name, scope, video_id, metric, condition, op, threshold, recover_threshold, baseline, baseline_minutes, z_threshold, recover_z, for_minutes, webhook_url, author, created_at, status, breach_minutes, evaluated_through, last_value, last_baseline, last_z, status_since
FROM pulse_ops.alert_rules
WHERE id = $1 AND deleted_at IS NULL
FOR UPDATE
