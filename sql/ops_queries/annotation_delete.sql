-- Statement: delete one annotation by id; returns its id when there was one.
DELETE FROM pulse_ops.annotations WHERE id = $1 RETURNING id
