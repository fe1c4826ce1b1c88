-- Statement: the nav's badge: how many rules fire now, of how many rules.
SELECT count(*) FILTER (WHERE status = 'firing') AS firing, count(*) AS rules
FROM pulse_ops.alert_rules
WHERE deleted_at IS NULL
