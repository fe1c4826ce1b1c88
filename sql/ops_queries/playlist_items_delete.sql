-- Statement: remove every item of one playlist (before its new list is written). Parameters: $1 playlist id.
DELETE FROM pulse_ops.playlist_items WHERE playlist_id = $1
