/**
 * Prints the real-time log's end-to-end lag (event time -> count visible in Gold RT), p50/p95, and
 * the micro-batch's duration per minute of traffic, over the last N minutes of the running demo:
 *   npm start   (in another terminal, for at least N minutes)
 *   npx tsx scripts/bench-rt-lag.ts 15
 */
import path from "node:path";
import { connectionFor } from "../../lib/lakehouse/connection";
import { instanceSettings, REPO_ROOT } from "../../lib/lakehouse/settings";
import { bindSql } from "../../lib/trino/bind";
import { runQuery } from "../../lib/trino/client";
import { loadStatement } from "../../lib/trino/sql-files";

const minutes = Number(process.argv[2] ?? 15);
// The benchmark's own statement, not a pipeline job: it lives with the benchmark in tools/bench/sql.
const sql = bindSql(loadStatement(path.join(REPO_ROOT, "tools", "bench", "sql"), "rt_lag"), { minutes });
const r = await runQuery(connectionFor(instanceSettings("main"), "dashboard"), sql, { timeoutMs: 600_000 });
const row = r.rows[0] as Record<string, number>;
const f = (x: number | null | undefined) => (x === null || x === undefined ? "n/a" : x.toFixed(1));
console.log(`last ${minutes} min: ${row.events} events in ${row.batches} micro-batches (${f(row.events_per_batch)} events/batch)`);
console.log(`end-to-end lag (event time -> visible in Gold RT): p50 ${f(row.lag_p50_s)} s, p95 ${f(row.lag_p95_s)} s`);
console.log(`ingest to visible (Bronze ingested_at -> visible in Gold RT): p50 ${f(row.ingest_lag_p50_s)} s, p95 ${f(row.ingest_lag_p95_s)} s`);
console.log(`micro-batch duration per minute of traffic: p50 ${f(row.batch_p50_s)} s, p95 ${f(row.batch_p95_s)} s`);
