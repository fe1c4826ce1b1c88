-- Statement: delete one playlist (its items go with it: ON DELETE CASCADE). Parameters: $1 id.
-- Returns the id when there was one.
DELETE FROM pulse_ops.playlists WHERE id = $1 RETURNING id
