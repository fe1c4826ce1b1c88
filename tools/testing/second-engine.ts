/**
 * Reads the same tables with two engines, Trino and Apache Iceberg's Java API (tools/iceberg-reader),
 * through the same catalog, and returns both readings side by side for a test to compare:
 * row count, sums of numeric columns and the snapshot each read. Works on any profile: the local
 * lakehouse (localInstanceTarget) or a cluster on S3 (a ReaderTarget with `storage.kind: "s3"`)
 * with the Trino connection of that cluster.
 */
import path from "node:path";
import { REPO_ROOT } from "../../lib/lakehouse/settings";
import { runQuery, type TrinoConnection } from "../../lib/trino/client";
import { loadStatement } from "../../lib/trino/sql-files";
import { renderTemplate } from "../../lib/trino/sql-text";
import type { ReaderTarget } from "../iceberg-reader/local-target";
import { readWithIceberg, type TableRequest, type TableTotals } from "../iceberg-reader/reader";

const SQL_DIR = path.join(REPO_ROOT, "tools", "testing", "sql");

export interface EngineTotals {
  readonly rows: number;
  readonly sums: Readonly<Record<string, number | null>>;
  readonly snapshotId: string | null;
}

export interface TwoReadings {
  readonly table: string;
  readonly iceberg: EngineTotals;
  readonly trino: EngineTotals;
}

async function trinoTotals(trino: TrinoConnection, request: TableRequest): Promise<EngineTotals> {
  const [schema, table] = request.table.split(".");
  if (!schema || !table) throw new Error(`expected schema.table, got ${request.table}`);
  const run = async <Row>(name: string, vars: Record<string, string>) =>
    (await runQuery<Row>(trino, renderTemplate(loadStatement(SQL_DIR, name), { schema, table, ...vars }), { timeoutMs: 120_000 })).rows;
  const [ref] = await run<{ snapshot_id: string }>("table_current_snapshot", {});
  const sums: Record<string, number | null> = {};
  let rows = (await run<{ row_count: number }>("table_row_count", {}))[0]!.row_count;
  for (const column of request.sum) {
    const [r] = await run<{ row_count: number; total: number | null }>("table_column_total", { column });
    // Each column's query counts again: a commit between two of them would show here, not pass silently.
    if (r!.row_count !== rows) throw new Error(`${request.table} changed while Trino read it (${rows} then ${r!.row_count} rows)`);
    rows = r!.row_count;
    sums[column] = r!.total;
  }
  return { rows, sums, snapshotId: ref?.snapshot_id ?? null };
}

const icebergTotals = (t: TableTotals): EngineTotals => ({ rows: t.rows, sums: t.sums, snapshotId: t.snapshotId });

/** Both engines' readings of each table, in the order asked. */
export async function readWithBothEngines(trino: TrinoConnection, target: ReaderTarget, tables: readonly TableRequest[]): Promise<TwoReadings[]> {
  const iceberg = await readWithIceberg(target.catalog, target.storage, tables);
  const readings: TwoReadings[] = [];
  for (const [i, request] of tables.entries()) {
    const fromIceberg = iceberg.tables[i];
    if (fromIceberg?.table !== request.table) throw new Error(`the Iceberg reader answered ${fromIceberg?.table} for ${request.table}`);
    readings.push({ table: request.table, iceberg: icebergTotals(fromIceberg), trino: await trinoTotals(trino, request) });
  }
  return readings;
}
