-- Statement: claim up to $1 pending deliveries that are due, for one attempt each: the attempt is
-- counted and the next one pushed $2 milliseconds out (a lease), so a sender that dies mid-attempt
-- leaves the event to be retried after it, and two senders never claim the same event.
-- Returns each claimed event with its rule's name, target, condition and webhook.
WITH due AS (
  SELECT id FROM pulse_ops.alert_events
  WHERE delivery = 'pending' AND next_attempt_at <= now()
  ORDER BY next_attempt_at, id
  LIMIT $1
  FOR UPDATE SKIP LOCKED
), claimed AS (
  UPDATE pulse_ops.alert_events e
  SET attempts = e.attempts + 1, next_attempt_at = now() + $2 * INTERVAL '1 millisecond'
  FROM due
  WHERE e.id = due.id
  RETURNING e.id, e.rule_id, e.kind, e.minute, e.value, e.baseline, e.z, e.threshold, e.attempts, e.commit_seen_at
)
SELECT c.id, c.rule_id, c.kind, c.minute, c.value, c.baseline, c.z, c.threshold, c.attempts, c.commit_seen_at,
       r.name, r.scope, r.video_id, r.metric, r.condition, r.op, r.threshold AS rule_threshold, r.recover_threshold,
       r.baseline AS rule_baseline, r.baseline_minutes, r.z_threshold, r.recover_z, r.for_minutes, r.webhook_url
FROM claimed c
JOIN pulse_ops.alert_rules r ON r.id = c.rule_id
ORDER BY c.id
