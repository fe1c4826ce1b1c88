-- Statement: an event's webhook answered 2xx. Parameters: $1 id.
UPDATE pulse_ops.alert_events
SET delivery = 'delivered', delivered_at = now(), next_attempt_at = NULL, last_error = NULL
WHERE id = $1
