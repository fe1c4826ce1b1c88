-- Statement: store one playlist's head and return it as stored (its items follow: playlist_item_insert).
-- Parameters: $1 name, $2 author.
INSERT INTO pulse_ops.playlists (name, author)
VALUES ($1, $2)
RETURNING id, name, author, created_at, updated_at
