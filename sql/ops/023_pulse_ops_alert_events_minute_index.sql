-- Index pulse_ops.alert_events_minute: the history page and the charts' alert spans read events by minute.
CREATE INDEX IF NOT EXISTS alert_events_minute ON pulse_ops.alert_events (minute)
