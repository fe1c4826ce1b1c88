-- Statement: rename one playlist and mark it edited (its items are replaced in the same transaction).
-- Parameters: $1 id, $2 name, $3 author (who edited it last). Returns the row, none when there is no such playlist.
UPDATE pulse_ops.playlists
SET name = $2, author = $3, updated_at = now()
WHERE id = $1
RETURNING id, name, author, created_at, updated_at
