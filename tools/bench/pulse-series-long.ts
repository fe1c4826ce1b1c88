/**
 * The Pulse chart beyond a day: Trino's cost of the minute grid (sql/queries/pulse_platform_series.sql,
 * bucket 'hour', over up to 10,000 minutes of the RT log) against the quarter-hour rollup
 * (pulse_platform_series_long.sql), on a lakehouse with history (`npm start`, or
 * `npm run lakehouse -- seed --instance test` on the test instance):
 *   npx tsx scripts/bench-pulse-series-long.ts [instance=main] [runs=9] [minutes=9967] [tz=Asia/Kolkata]
 * The range ends at the watermark T and starts `minutes` earlier (9,967 = 6 d 22 h 7 min: uneven
 * edges, and within the 10,000 entries Trino's sequence() allows the minute grid). The two run
 * alternately, as the dashboard user, after one warm-up each; both must return the same rows.
 * Printed per statement, medians over the runs: wall time seen here, Trino's elapsed and CPU time and
 * processed rows (its final query stats), and analysis + planning time (system.runtime.queries).
 */
import path from "node:path";
import { connectionFor } from "../../lib/lakehouse/connection";
import { INSTANCE_NAMES, type InstanceName, instanceSettings, REPO_ROOT } from "../../lib/lakehouse/settings";
import { bindSql, sqlInstant } from "../../lib/trino/bind";
import { runQuery } from "../../lib/trino/client";
import { loadStatement } from "../../lib/trino/sql-files";
import { int, ms1 } from "./format";
import { out, progress } from "./report";
import { codeLine, machineLine, softwareLine } from "./run-facts";
import { median } from "./stats";

const [instanceArg = "main", runsArg = "9", minutesArg = "9967", tz = "Asia/Kolkata"] = process.argv.slice(2);
const runs = Number(runsArg);
const minutes = Number(minutesArg);
const known = (name: string): name is InstanceName => (INSTANCE_NAMES as readonly string[]).includes(name);
if (!known(instanceArg) || !Number.isInteger(runs) || runs < 1 || !Number.isInteger(minutes) || minutes < 1 || minutes > 10_000) {
  throw new Error(`usage: bench-pulse-series-long.ts [instance: ${INSTANCE_NAMES.join("|")}] [runs >= 1] [minutes 1..10000] [tz]`);
}
const instance = instanceSettings(instanceArg);
const dashboard = connectionFor(instance, "dashboard");
const admin = connectionFor(instance, "admin");
const benchSql = (name: string) => loadStatement(path.join(REPO_ROOT, "tools", "bench", "sql"), name);
const querySql = (name: string) => loadStatement(path.join(REPO_ROOT, "sql", "queries"), name);

const [w] = (await runQuery<{ t_ms: number | null }>(dashboard, benchSql("rt_complete_through"))).rows;
const t = Number(w?.t_ms);
const range = { range_minutes: 0, range_start: sqlInstant(new Date(t - minutes * 60_000)), range_end: sqlInstant(new Date(t)), tz };
const statements = [
  { name: "minute grid (pulse_platform_series, hour)", sql: bindSql(querySql("pulse_platform_series"), { ...range, bucket: "hour" }) },
  { name: "rollup (pulse_platform_series_long)", sql: bindSql(querySql("pulse_platform_series_long"), range) },
];

interface Sample {
  wall: number;
  elapsed: number;
  cpu: number;
  rows: number;
  planning: number;
}
const samples = statements.map(() => [] as Sample[]);
const results: string[] = [];
for (let run = 0; run <= runs; run++) {
  for (const [i, s] of statements.entries()) {
    const t0 = Date.now();
    const r = await runQuery(dashboard, s.sql, { timeoutMs: 600_000 });
    const wall = Date.now() - t0;
    const [times] = (await runQuery<{ analysis_time_ms: number; planning_time_ms: number }>(admin, bindSql(benchSql("query_times"), { query_id: r.queryId })))
      .rows;
    if (run === 0) {
      results[i] = JSON.stringify(r.rows);
      continue; // warm-up
    }
    samples[i]!.push({
      wall,
      elapsed: r.stats?.elapsedTimeMillis ?? NaN,
      cpu: r.stats?.cpuTimeMillis ?? NaN,
      rows: r.stats?.processedRows ?? NaN,
      planning: times ? times.analysis_time_ms + times.planning_time_ms : NaN,
    });
    progress(`run ${run}/${runs} ${s.name}: ${wall} ms`);
  }
}
if (results[0] !== results[1]) throw new Error("the two statements returned different rows");

out(`${machineLine()}\n${softwareLine()}\n${codeLine()}`);
out(
  `${instance.name} instance, range [T - ${minutes} min, T) with T = ${new Date(t).toISOString()}, tz ${tz}, ${JSON.parse(results[0]!).length} hour buckets, identical rows`,
);
out(`medians over ${runs} alternating runs:`);
for (const [i, s] of statements.entries()) {
  const m = (f: (x: Sample) => number) => median(samples[i]!.map(f));
  out(
    `  ${s.name}: wall ${ms1(m((x) => x.wall))} ms, Trino elapsed ${ms1(m((x) => x.elapsed))} ms, CPU ${ms1(m((x) => x.cpu))} ms, analysis + planning ${ms1(m((x) => x.planning))} ms, processed rows ${int(m((x) => x.rows))}`,
  );
}
