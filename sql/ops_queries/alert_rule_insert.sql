-- Statement: store one alert rule (state 'ok', never evaluated) and return it as stored.
-- Parameters (PostgreSQL placeholders, values bound by node-postgres, never spliced into the text):
--   $1 name, $2 scope, $3 video_id, $4 metric, $5 condition, $6 op, $7 threshold, $8 recover_threshold,
--   $9 baseline, $10 baseline_minutes, $11 z_threshold, $12 recover_z, $13 for_minutes, $14 webhook_url, $15 author
INSERT INTO pulse_ops.alert_rules
  (name, scope, video_id, metric, condition, op, threshold, recover_threshold, baseline, baseline_minutes, z_threshold, recover_z, for_minutes, webhook_url, author)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
RETURNING id, name, scope, video_id, metric, condition, op, threshold, recover_threshold, baseline, baseline_minutes, z_threshold, recover_z, for_minutes, webhook_url, author, created_at, status, breach_minutes, evaluated_through, last_value, last_baseline, last_z, status_since
