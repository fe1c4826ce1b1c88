-- Statement: the annotations a chart of [$1, $2) shows: points inside it and spans overlapping it,
-- the platform's and, when $3 is a video id, that video's too; oldest first, at most $4.
-- Formula: at < $2 AND coalesce(ends_at, at) >= $1 AND (video_id IS NULL OR video_id = $3).
SELECT id, kind, at, ends_at, video_id, text, author, source, created_at
FROM pulse_ops.annotations
WHERE at < $2
  AND coalesce(ends_at, at) >= $1
  AND (video_id IS NULL OR video_id = $3)
ORDER BY at, id
LIMIT $4
