-- Statement: send a dead-lettered event again (an operator fixed the receiver): pending, due now,
-- attempts counted afresh. Parameters: $1 id. Returns the id when it was dead.
UPDATE pulse_ops.alert_events
SET delivery = 'pending', next_attempt_at = now(), attempts = 0
WHERE id = $1 AND delivery = 'dead'
RETURNING id
