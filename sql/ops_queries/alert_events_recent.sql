-- Statement: the alert history, newest first: events of rule $1 (NULL: every rule, deleted ones too),
-- at most $2, each with its rule's name and target.
SELECT e.id, e.rule_id, e.kind, e.minute, e.value, e.baseline, e.z, e.threshold, e.delivery, e.attempts,
       e.last_error, e.created_at, e.delivered_at, r.name, r.scope, r.video_id, r.metric
FROM pulse_ops.alert_events e
JOIN pulse_ops.alert_rules r ON r.id = e.rule_id
WHERE $1::bigint IS NULL OR e.rule_id = $1
ORDER BY e.minute DESC, e.id DESC
LIMIT $2
