/**
 * The attach test's stand-in for another team's lakehouse: a second local Trino and PostgreSQL
 * (tools/lakehouse/stack.ts, instance "foreign", its own ports and folder), whose Iceberg catalog is
 * called `warehouse_prod`, not `lakehouse`, so every statement Pulse sends it must have been renamed.
 * Pulse's migrations never run on it by themselves: the test fills it with the team's own DDL and
 * INSERTs (tools/testing/sql/attach/) and then attaches to it like to any HTTPS Trino.
 */
import path from "node:path";
import { parseConfig } from "../../lib/config/definitions";
import { toolsConfig } from "../../lib/config/tools";
import { connectionFor } from "../../lib/lakehouse/connection";
import type { Progress } from "../../lib/lakehouse/migrate";
import { rolePassword, secretPaths } from "../../lib/lakehouse/secrets";
import { type InstanceSettings, instanceSettings, lakehouseRoot, REPO_ROOT, serverUrl, USERS } from "../../lib/lakehouse/settings";
import { runQuery } from "../../lib/trino/client";
import { loadStatement } from "../../lib/trino/sql-files";
import { renderTemplate } from "../../lib/trino/sql-text";
import { startLakehouse, wipeLakehouse } from "../lakehouse/stack";
import { status } from "../trino/server";

const SQL_DIR = path.join(REPO_ROOT, "tools", "testing", "sql");
export const FOREIGN_CATALOG = "warehouse_prod";

/** Ports 30 above the test suite's (18210 and 15562 by default; the cluster smoke takes 50 above) unless set; the dashboard's 80 above PULSE_E2E_PORT (3180). */
export function foreignInstance(): InstanceSettings {
  const c = toolsConfig();
  return {
    ...instanceSettings("test"),
    name: "foreign",
    catalog: FOREIGN_CATALOG,
    port: c.PULSE_TEST_FOREIGN_TRINO_PORT ?? c.PULSE_TEST_TRINO_PORT + 30,
    pgPort: c.PULSE_TEST_FOREIGN_PG_PORT ?? c.PULSE_TEST_PG_PORT + 30,
    dir: path.join(lakehouseRoot(), "foreign"),
    // Only a few small fixture tables: 2 GB leaves the 2 cores' memory to the test Trino beside it.
    heapGb: 2,
  };
}

export const foreignDashboardPort = (): number => toolsConfig().PULSE_TEST_FOREIGN_DASHBOARD_PORT ?? toolsConfig().PULSE_E2E_PORT + 80;

/**
 * An empty stand-in: a running one (PULSE_TEST_KEEP=1) has every schema of its catalog dropped,
 * a stopped one is wiped and started.
 */
export async function freshForeignLakehouse(s: InstanceSettings, log: Progress): Promise<void> {
  if ((await status(s)).running) {
    await startLakehouse(s, log);
    const admin = connectionFor(s, "admin");
    const schemas = (await runQuery<{ schema_name: string }>(admin, loadStatement(SQL_DIR, "lakehouse_schemas", s.catalog))).rows;
    for (const { schema_name: schema } of schemas) {
      await runQuery(admin, renderTemplate(loadStatement(SQL_DIR, "drop_schema_cascade", s.catalog), { schema }), { timeoutMs: 120_000 });
    }
    return;
  }
  await wipeLakehouse(s, log);
  await startLakehouse(s, log);
}

/**
 * The attach settings a person would put in .env.local for this Trino: one shared login (the
 * team's admin) for migrations and jobs, the read-only user for the dashboard, the certificate by file.
 */
export function foreignAttachEnv(s: InstanceSettings): Record<string, string> {
  return {
    PULSE_ATTACH_TRINO_URL: serverUrl(s),
    PULSE_ATTACH_CATALOG: s.catalog,
    PULSE_ATTACH_CA_FILE: secretPaths(s).certificate,
    PULSE_ATTACH_USER: USERS.admin,
    PULSE_ATTACH_PASSWORD: rolePassword(s, "admin"),
    PULSE_ATTACH_DASHBOARD_USER: USERS.dashboard,
    PULSE_ATTACH_DASHBOARD_PASSWORD: rolePassword(s, "dashboard"),
  };
}

/** The tools settings with `env` on top, parsed as every entry point parses them. */
export const configWith = (env: Record<string, string>) => parseConfig("tools", { ...process.env, ...env });
