-- Statement: delete one saved view. Parameters: $1 id. Returns the id when there was one.
DELETE FROM pulse_ops.saved_views WHERE id = $1 RETURNING id
