-- Statement: delete a rule (it stops being evaluated and listed; its events stay in the history).
-- Parameters: $1 id. Returns the id when there was such a rule.
UPDATE pulse_ops.alert_rules
SET deleted_at = now()
WHERE id = $1 AND deleted_at IS NULL
RETURNING id
