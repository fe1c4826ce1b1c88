-- Statement: the playlists that show one saved view (why deleting that view is refused).
-- Parameters: $1 saved view id.
SELECT DISTINCT p.id, p.name
FROM pulse_ops.playlist_items i
JOIN pulse_ops.playlists p ON p.id = i.playlist_id
WHERE i.view_id = $1
ORDER BY p.id
