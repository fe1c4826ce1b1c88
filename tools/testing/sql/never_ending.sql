-- A query that never finishes in practice: 10^12 combinations to look at, none matching. Used where
-- a real query must overrun its deadline and be cancelled (lib/trino/client.itest.ts,
-- tools/bench/trino-cancel.ts); it reads no table, so any user may run it.
SELECT count(*) FROM UNNEST(sequence(1, 10000)) a (x) CROSS JOIN UNNEST(sequence(1, 10000)) b (y) CROSS JOIN UNNEST(sequence(1, 10000)) c (z) WHERE x + y + z = -1
