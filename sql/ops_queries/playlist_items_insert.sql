-- Statement: write a playlist's items in one statement, position = the array index (0-based).
-- Parameters: $1 playlist id, $2 view ids (bigint[], NULL where the item is a URL), $3 URLs (text[],
-- NULL where the item is a saved view), $4 dwell seconds (integer[]); the three arrays have one
-- element per item. A view id that does not exist fails the foreign key (the API answers 400).
INSERT INTO pulse_ops.playlist_items (playlist_id, position, view_id, url, dwell_seconds)
SELECT $1, (i.ord - 1)::integer, i.view_id, i.url, i.dwell_seconds
FROM unnest($2::bigint[], $3::text[], $4::integer[]) WITH ORDINALITY AS i (view_id, url, dwell_seconds, ord)
