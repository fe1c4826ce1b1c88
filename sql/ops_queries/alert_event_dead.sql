-- Statement: the dead-letter record: delivery gave up (the last attempt failed, or the receiver
-- refused the message outright), with the reason. Parameters: $1 id, $2 last_error.
UPDATE pulse_ops.alert_events
SET delivery = 'dead', next_attempt_at = NULL, last_error = $2
WHERE id = $1
