-- Statement: store one saved view and return it as stored.
-- Parameters: $1 name, $2 url (relative: path and query), $3 pinned, $4 author.
INSERT INTO pulse_ops.saved_views (name, url, pinned, author)
VALUES ($1, $2, $3, $4)
RETURNING id, name, url, pinned, author, created_at
