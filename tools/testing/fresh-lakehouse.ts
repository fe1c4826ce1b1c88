/**
 * Every integration run starts from a freshly migrated lakehouse. A Trino that is not running has
 * its warehouse and its catalog database deleted before both start; one that is already running
 * (PULSE_TEST_KEEP=1 left it up) keeps its processes, and every lakehouse schema and Pulse's
 * operational schema are dropped instead, so no row, table or ledger entry of an earlier run
 * survives into this one.
 */
import path from "node:path";
import { connectionFor } from "../../lib/lakehouse/connection";
import type { Progress } from "../../lib/lakehouse/migrate";
import { type InstanceSettings, REPO_ROOT } from "../../lib/lakehouse/settings";
import { dbConfig, withDb } from "../../lib/ops-db/connection";
import { runQuery } from "../../lib/trino/client";
import { loadStatement } from "../../lib/trino/sql-files";
import { renderTemplate } from "../../lib/trino/sql-text";
import { migrateLakehouse, startLakehouse, wipeLakehouse } from "../lakehouse/stack";
import { status } from "../trino/server";

const SQL_DIR = path.join(REPO_ROOT, "tools", "testing", "sql");

async function dropAllSchemas(s: InstanceSettings, log: Progress): Promise<void> {
  const admin = connectionFor(s, "admin");
  const schemas = (await runQuery<{ schema_name: string }>(admin, loadStatement(SQL_DIR, "lakehouse_schemas"))).rows.map((r) => r.schema_name);
  log(`reusing the running test Trino: dropping ${schemas.length ? schemas.join(", ") : "no schemas"}`);
  for (const schema of schemas) {
    await runQuery(admin, renderTemplate(loadStatement(SQL_DIR, "drop_schema_cascade"), { schema }), { timeoutMs: 120_000 });
  }
}

async function dropOpsSchema(s: InstanceSettings, log: Progress): Promise<void> {
  log("reusing the running test PostgreSQL: dropping pulse_ops");
  await withDb(dbConfig(s, "owner"), (db) => db.query(loadStatement(SQL_DIR, "drop_ops_schema")));
}

export async function freshTestLakehouse(s: InstanceSettings, log: Progress): Promise<void> {
  if ((await status(s)).running) {
    // Both servers up (PostgreSQL too, had only Trino been left running), then emptied in place.
    await startLakehouse(s, log);
    await dropAllSchemas(s, log);
    await dropOpsSchema(s, log);
  } else {
    await wipeLakehouse(s, log);
    await startLakehouse(s, log);
  }
  await migrateLakehouse(s, log);
}
