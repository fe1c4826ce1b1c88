/**
 * Helpers for integration tests (*.itest.ts): connections to the test instance started by
 * scripts/test.ts (tools/testing/run-tests.ts), and small fixture writers. Test-only; never imported by app code.
 */
import { toolsConfig } from "../../lib/config/tools";
import { connectionFor } from "../../lib/lakehouse/connection";
import { instanceSettings, type Role } from "../../lib/lakehouse/settings";
import { bindSql, type SqlParams, type SqlValue } from "../../lib/trino/bind";
import { type QueryOutput, runQuery } from "../../lib/trino/client";

/** The test suite's instance, or the cluster smoke's when its phase runs these same tests (run-tests.ts). */
export const testInstance = instanceSettings(toolsConfig().PULSE_TEST_TARGET);

export function requireTestInstance(): void {
  if (toolsConfig().PULSE_TEST_INSTANCE !== "1") {
    throw new Error("integration tests run through `npm run test:integration`, which starts the test Trino");
  }
}

export function q<Row = Record<string, unknown>>(role: Role, template: string, params: SqlParams = {}): Promise<QueryOutput<Row>> {
  return runQuery<Row>(connectionFor(testInstance, role), bindSql(template, params), { timeoutMs: 120_000 });
}

export async function rows<Row = Record<string, unknown>>(role: Role, template: string, params: SqlParams = {}): Promise<Row[]> {
  return (await q<Row>(role, template, params)).rows;
}

/** INSERT INTO table (cols) VALUES ... with every value bound; an empty list inserts nothing. */
export async function insertRows(table: string, columns: readonly string[], values: readonly (readonly SqlValue[])[]): Promise<void> {
  if (values.length === 0) return;
  const params: Record<string, SqlValue> = {};
  const tuples = values.map((row, r) => {
    if (row.length !== columns.length) throw new Error(`row ${r} has ${row.length} values for ${columns.length} columns`);
    return `(${row
      .map((v, c) => {
        params[`v${r}_${c}`] = v;
        return `:v${r}_${c}`;
      })
      .join(", ")})`;
  });
  await q("admin", `INSERT INTO ${table} (${columns.join(", ")}) VALUES ${tuples.join(", ")}`, params);
}

/** The start of the minute Trino is in now, in epoch ms (Trino's clock, not this process's). */
export async function trinoMinuteNow(): Promise<number> {
  const [row] = await rows<{ ms: number }>("admin", "SELECT to_unixtime(date_trunc('minute', current_timestamp)) * 1000 AS ms");
  return Number(row!.ms);
}
