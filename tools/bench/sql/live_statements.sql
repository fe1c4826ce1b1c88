-- Benchmark statement: the statements Trino lists right now that a client sent with source :source
-- (the dashboard's is 'pulse-dashboard'): queued, running, or finished and not yet expired from its
-- history (query.min-expire-age 1 s, query.max-history 5 on the demo, so the benchmark samples
-- this every half second and keeps every query_id it sees).
--   created_ms = epoch ms of system.runtime.queries.created
--   end_ms     = epoch ms of its "end" (NULL while queued or running); end_ms - created_ms is the
--                statement's time in Trino, queueing and planning included
--   queued_ms  = queued_time_ms, its time in Trino's queue
--   text       = the statement's first 4,000 characters with each whitespace run collapsed to one
--                space: enough to tell which sql/queries file it was bound from
SELECT
  query_id,
  to_unixtime(created) * 1000 AS created_ms,
  to_unixtime("end") * 1000 AS end_ms,
  queued_time_ms AS queued_ms,
  state,
  regexp_replace(substr(query, 1, 4000), '\s+', ' ') AS text
FROM system.runtime.queries
WHERE source = :source
