/**
 * Every integration run starts from a freshly migrated lakehouse. A Trino that is not running has
 * its warehouse deleted before it starts; one that is already running (PULSE_TEST_KEEP=1 left it
 * up) keeps its process, and every lakehouse schema is dropped instead, so no row, table or ledger
 * entry of an earlier run survives into this one.
 */
import fs from "node:fs";
import path from "node:path";
import { connectionFor, templateVars } from "../../lib/lakehouse/connection";
import { migrate, type Progress } from "../../lib/lakehouse/migrate";
import { type InstanceSettings, instancePaths, REPO_ROOT } from "../../lib/lakehouse/settings";
import { runQuery } from "../../lib/trino/client";
import { loadStatement } from "../../lib/trino/sql-files";
import { renderTemplate } from "../../lib/trino/sql-text";
import { start, status } from "../trino/server";

const SQL_DIR = path.join(REPO_ROOT, "tools", "testing", "sql");

async function dropAllSchemas(s: InstanceSettings, log: Progress): Promise<void> {
  const admin = connectionFor(s, "admin");
  const schemas = (await runQuery<{ schema_name: string }>(admin, loadStatement(SQL_DIR, "lakehouse_schemas"))).rows.map((r) => r.schema_name);
  log(`reusing the running test Trino: dropping ${schemas.length ? schemas.join(", ") : "no schemas"}`);
  for (const schema of schemas) {
    await runQuery(admin, renderTemplate(loadStatement(SQL_DIR, "drop_schema_cascade"), { schema }), { timeoutMs: 120_000 });
  }
}

export async function freshTestLakehouse(s: InstanceSettings, log: Progress): Promise<void> {
  if ((await status(s)).running) await dropAllSchemas(s, log);
  else fs.rmSync(instancePaths(s).warehouse, { recursive: true, force: true });
  await start(s, log);
  await migrate(connectionFor(s, "admin"), templateVars(s), log);
}
