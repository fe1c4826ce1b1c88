/**
 * Prints the real-time log's end-to-end lag (event time -> count visible in Gold RT), p50/p95, and
 * the micro-batch's duration per minute of traffic, over the last N minutes of the running demo:
 *   npm start   (in another terminal, for at least N minutes)
 *   npx tsx scripts/bench-rt-lag.ts 15
 */
import { connectionFor } from "../../lib/lakehouse/connection";
import { instanceSettings } from "../../lib/lakehouse/settings";
import { runJob } from "../../lib/pipeline/job-sql";

const minutes = Number(process.argv[2] ?? 15);
const r = await runJob(connectionFor(instanceSettings("main"), "dashboard"), "bench_rt_lag", { minutes });
const row = r.rows[0] as Record<string, number>;
const f = (x: number | null | undefined) => (x === null || x === undefined ? "n/a" : x.toFixed(1));
console.log(`last ${minutes} min: ${row.events} events in ${row.batches} micro-batches (${f(row.events_per_batch)} events/batch)`);
console.log(`end-to-end lag (event time -> visible in Gold RT): p50 ${f(row.lag_p50_s)} s, p95 ${f(row.lag_p95_s)} s`);
console.log(`micro-batch duration per minute of traffic: p50 ${f(row.batch_p50_s)} s, p95 ${f(row.batch_p95_s)} s`);
