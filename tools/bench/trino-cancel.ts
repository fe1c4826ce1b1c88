/**
 * How quickly an overrunning query is given up and cancelled (lib/trino/client.ts), against the
 * running demo Trino (start it with `npm start` or `npm run lakehouse -- up`):
 *   npx tsx scripts/bench-trino-cancel.ts [runs=5] [deadline-ms=1500]
 * Per run, a query that never finishes (tools/testing/sql/never_ending.sql) is sent with the
 * deadline; printed are how long after the deadline runQuery rejected, and how long after the
 * deadline Trino listed the query as FAILED (USER_CANCELED), p50 and max over the runs.
 * The test of the same path (lib/trino/client.itest.ts) checks the outcome only, never the time.
 */
import path from "node:path";
import { connectionFor } from "../../lib/lakehouse/connection";
import { instanceSettings, REPO_ROOT } from "../../lib/lakehouse/settings";
import { bindSql } from "../../lib/trino/bind";
import { runQuery, TrinoTimeoutError } from "../../lib/trino/client";
import { loadStatement } from "../../lib/trino/sql-files";
import { ms1 } from "./format";
import { out, progress, sleep } from "./report";
import { codeLine, machineLine, softwareLine } from "./run-facts";
import { maximum, median } from "./stats";

const runs = Number(process.argv[2] ?? 5);
const deadlineMs = Number(process.argv[3] ?? 1500);
const instance = instanceSettings("main");
const sql = loadStatement(path.join(REPO_ROOT, "tools", "testing", "sql"), "never_ending");
const stateSql = loadStatement(path.join(REPO_ROOT, "tools", "bench", "sql"), "query_state");

async function cancelledAt(queryId: string): Promise<number> {
  for (;;) {
    const r = await runQuery<{ state: string }>(connectionFor(instance, "admin"), bindSql(stateSql, { query_id: queryId }));
    if (r.rows[0]?.state === "FAILED" || r.rows.length === 0) return Date.now();
    await sleep(20);
  }
}

const givenUp: number[] = [];
const cancelled: number[] = [];
for (let i = 1; i <= runs; i++) {
  const t0 = Date.now();
  const err = await runQuery(connectionFor(instance, "dashboard"), sql, { timeoutMs: deadlineMs }).then(
    () => new Error("the never-ending query finished"),
    (e: unknown) => e,
  );
  if (!(err instanceof TrinoTimeoutError) || !err.queryId) throw err;
  const rejected = Date.now();
  givenUp.push(rejected - t0 - deadlineMs);
  cancelled.push((await cancelledAt(err.queryId)) - t0 - deadlineMs);
  progress(`run ${i}/${runs}: rejected ${ms1(givenUp.at(-1)!)} ms after the deadline, FAILED in Trino ${ms1(cancelled.at(-1)!)} ms after it`);
}
out(`${machineLine()}\n${softwareLine()}\n${codeLine()}`);
out(`deadline ${deadlineMs} ms, ${runs} runs against ${connectionFor(instance, "dashboard").server}`);
out(`runQuery rejected after the deadline: p50 ${ms1(median(givenUp))} ms, max ${ms1(maximum(givenUp))} ms`);
out(`Trino lists the query FAILED after the deadline: p50 ${ms1(median(cancelled))} ms, max ${ms1(maximum(cancelled))} ms`);
