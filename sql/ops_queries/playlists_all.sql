-- Statement: the playlists, most recently edited first, at most $1, each with its item count and
-- cycle length (cycle_seconds = the sum of its items' dwell times).
SELECT p.id, p.name, p.author, p.created_at, p.updated_at,
       count(i.position) AS items,
       coalesce(sum(i.dwell_seconds), 0) AS cycle_seconds
FROM pulse_ops.playlists p
LEFT JOIN pulse_ops.playlist_items i ON i.playlist_id = p.id
GROUP BY p.id
ORDER BY p.updated_at DESC, p.id DESC
LIMIT $1
