/**
 * Prints the platform D1 retention the mart holds beside an independent recomputation from Silver
 * (tools/checks/sql/platform_retention_from_silver.sql), for every date whose retention is known,
 * on the running demo lakehouse:
 *   npm start   (in another terminal, once the seed has built the daily marts)
 *   npx tsx scripts/check-platform-retention.ts
 * Exits 1 when any date differs.
 */
import path from "node:path";
import { connectionFor } from "../../lib/lakehouse/connection";
import { instanceSettings, REPO_ROOT } from "../../lib/lakehouse/settings";
import { runQuery } from "../../lib/trino/client";
import { loadStatement } from "../../lib/trino/sql-files";
import { labelThenFigures, table } from "../bench/table";

type Row = {
  date: string;
  mart_cohort: number;
  mart_retained: number;
  mart_retention: number;
  silver_cohort: number;
  silver_retained: number;
  silver_retention: number;
};

const sql = loadStatement(path.join(REPO_ROOT, "tools", "checks", "sql"), "platform_retention_from_silver");
const r = await runQuery<Row>(connectionFor(instanceSettings("main"), "dashboard"), sql, { timeoutMs: 600_000 });
const pct = (x: number) => `${(x * 100).toFixed(4)}%`;
const same = (x: Row) => x.mart_cohort === x.silver_cohort && x.mart_retained === x.silver_retained && Math.abs(x.mart_retention - x.silver_retention) < 1e-12;
const headers = ["date", "mart retained / cohort", "mart D1 retention", "Silver retained / cohort", "Silver D1 retention", "equal"];
console.log(
  table(
    headers,
    r.rows.map((x) => [
      x.date,
      `${x.mart_retained} / ${x.mart_cohort}`,
      pct(x.mart_retention),
      `${x.silver_retained} / ${x.silver_cohort}`,
      pct(x.silver_retention),
      same(x) ? "yes" : "NO",
    ]),
    labelThenFigures(headers.length),
  ).join("\n"),
);
if (r.rows.length === 0) console.log("no date with a known retention yet: the seed builds them; wait for it");
process.exitCode = r.rows.every(same) ? 0 : 1;
