-- Statement: the saved views, newest first, at most $1.
SELECT id, name, url, pinned, author, created_at
FROM pulse_ops.saved_views
ORDER BY created_at DESC, id DESC
LIMIT $1
