-- Statement: an attempt failed and another will be made: due $2 milliseconds from now, with the
-- failure kept. Parameters: $1 id, $2 delay in ms, $3 last_error.
UPDATE pulse_ops.alert_events
SET next_attempt_at = now() + $2 * INTERVAL '1 millisecond', last_error = $3
WHERE id = $1
