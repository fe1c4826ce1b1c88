-- Statement: a rule's state after an evaluation (minutes before $4 are evaluated).
-- Parameters: $1 id, $2 status, $3 breach_minutes, $4 evaluated_through, $5 last_value, $6 last_baseline,
--   $7 last_z, $8 status_since.
UPDATE pulse_ops.alert_rules
SET status = $2, breach_minutes = $3, evaluated_through = $4, last_value = $5, last_baseline = $6, last_z = $7, status_since = $8
WHERE id = $1
