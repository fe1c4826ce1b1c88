-- Index pulse_ops.alert_events_due: the delivery loop asks for the pending events whose next attempt is due.
CREATE INDEX IF NOT EXISTS alert_events_due ON pulse_ops.alert_events (next_attempt_at) WHERE delivery = 'pending'
