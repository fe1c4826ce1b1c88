-- Statement: record that a rule fired or resolved at a minute, and queue its delivery (the outbox):
-- delivery 'pending' with its first attempt due now, or 'none' when the rule has no webhook.
-- A second record of the same (rule, minute, kind) is ignored, so nothing is sent twice.
-- Parameters: $1 rule_id, $2 kind, $3 minute, $4 value, $5 baseline, $6 z, $7 threshold, $8 batch_id,
--   $9 commit_seen_at, $10 delivery ('pending' or 'none'). Returns the id when it was recorded.
INSERT INTO pulse_ops.alert_events (rule_id, kind, minute, value, baseline, z, threshold, batch_id, commit_seen_at, delivery, next_attempt_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, CASE WHEN $10 = 'pending' THEN now() END)
ON CONFLICT (rule_id, minute, kind) DO NOTHING
RETURNING id
