-- Statement: store one annotation and return it as stored.
-- Parameters (PostgreSQL placeholders, values bound by node-postgres, never spliced into the text):
--   $1 kind, $2 at, $3 ends_at (NULL: a point), $4 video_id (NULL: the platform), $5 text, $6 author, $7 source
INSERT INTO pulse_ops.annotations (kind, at, ends_at, video_id, text, author, source)
VALUES ($1, $2, $3, $4, $5, $6, $7)
RETURNING id, kind, at, ends_at, video_id, text, author, source, created_at
