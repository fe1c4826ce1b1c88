-- Statement: one playlist's head. Parameters: $1 id. No row when there is none.
SELECT id, name, author, created_at, updated_at
FROM pulse_ops.playlists
WHERE id = $1
