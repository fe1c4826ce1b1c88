-- Statement: the firing periods a chart of [$1, $2) marks: each 'firing' event up to the rule's next
-- 'resolved' (NULL: still firing, or the rule was deleted while firing: then up to its deletion),
-- overlapping the range; the platform rules' and, when $3 is a video id, that video's; at most $4.
-- Formula: from = firing.minute, to = the first resolved minute after it;
--   shown when from < $2 AND coalesce(to, deleted_at, 'infinity') >= $1.
WITH ordered AS (
  SELECT e.rule_id, e.kind, e.minute,
         lead(e.minute) OVER (PARTITION BY e.rule_id ORDER BY e.minute, e.id) AS next_minute
  FROM pulse_ops.alert_events e
)
SELECT o.rule_id, r.name, r.video_id, o.minute AS from_minute,
       coalesce(o.next_minute, date_trunc('minute', r.deleted_at)) AS to_minute
FROM ordered o
JOIN pulse_ops.alert_rules r ON r.id = o.rule_id
WHERE o.kind = 'firing'
  AND o.minute < $2
  AND coalesce(o.next_minute, r.deleted_at, 'infinity'::timestamptz) >= $1
  AND (r.video_id IS NULL OR r.video_id = $3)
ORDER BY o.minute, o.rule_id
LIMIT $4
