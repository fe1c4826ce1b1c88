-- Statement: the rules not deleted, oldest first, at most $1: what the evaluator checks on each
-- real-time commit and the alerts page lists.
SELECT id, name, scope, video_id, metric, condition, op, threshold, recover_threshold, baseline, baseline_minutes, z_threshold, recover_z, for_minutes, webhook_url, author, created_at, status, breach_minutes, evaluated_through, last_value, last_baseline, last_z, status_since
FROM pulse_ops.alert_rules
WHERE deleted_at IS NULL
ORDER BY id
LIMIT $1
