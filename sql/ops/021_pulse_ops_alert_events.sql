-- Table pulse_ops.alert_events: each rule's history (it fired, it resolved) and the event's delivery
-- to the rule's webhook: an outbox, so a crash between evaluation and delivery loses nothing.
--   minute       the closed minute of the real-time log at which the rule changed state
--   value, baseline, z, threshold: what was measured then (baseline and z only for anomaly rules)
--   batch_id     the micro-batch whose commit closed that minute; commit_seen_at: when the dashboard
--                learnt of that commit; the commit-to-webhook delay is delivered_at - commit_seen_at
--                plus the watcher's own delay
-- Delivery: 'none' (no webhook), 'pending' (next_attempt_at says when), 'delivered', 'dead' (gave
-- up after the last attempt, or the receiver refused the message: the dead-letter record, with
-- last_error). UNIQUE (rule_id, minute, kind): a second evaluation of the same minute (two servers,
-- a restart) cannot send twice.
CREATE TABLE IF NOT EXISTS pulse_ops.alert_events (
  id              bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  rule_id         bigint      NOT NULL REFERENCES pulse_ops.alert_rules (id),
  kind            text        NOT NULL CHECK (kind IN ('firing', 'resolved')),
  minute          timestamptz NOT NULL,
  value           double precision,
  baseline        double precision,
  z               double precision,
  threshold       double precision,
  batch_id        bigint,
  commit_seen_at  timestamptz,
  created_at      timestamptz NOT NULL DEFAULT now(),
  delivery        text        NOT NULL CHECK (delivery IN ('none', 'pending', 'delivered', 'dead')),
  attempts        integer     NOT NULL DEFAULT 0,
  next_attempt_at timestamptz,
  last_error      text,
  delivered_at    timestamptz,
  UNIQUE (rule_id, minute, kind)
)
