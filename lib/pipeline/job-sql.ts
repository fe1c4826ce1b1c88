/**
 * Runs a job statement from sql/jobs/<name>.sql with its named placeholders bound. Job files hold
 * one statement each, start with a header comment saying what they do, and take every value
 * through bindSql, never by string building.
 */
import path from "node:path";
import { REPO_ROOT } from "../lakehouse/settings";
import { bindSql, type SqlParams } from "../trino/bind";
import { type QueryOptions, type QueryOutput, runQuery, type TrinoConnection } from "../trino/client";
import { loadStatement } from "../trino/sql-files";
import { renderTemplate, type TemplateVars } from "../trino/sql-text";

const JOBS_DIR = path.join(REPO_ROOT, "sql", "jobs");

/**
 * The bound text of a job statement, as runJob sends it. It is renamed into `catalog`
 * (lib/trino/catalog-name.ts), so the same jobs run on an attached lakehouse whose catalog is not
 * called `lakehouse`. `vars` fill `{{name}}` identifiers (a table name in a maintenance statement):
 * callers pass names from code, and renderTemplate refuses anything but letters, digits and underscores.
 */
export const jobStatement = (name: string, params: SqlParams = {}, vars: TemplateVars = {}, catalog?: string): string =>
  bindSql(renderTemplate(loadStatement(JOBS_DIR, name, catalog), vars), params);

export function runJob<Row = Record<string, unknown>>(
  conn: TrinoConnection,
  name: string,
  params: SqlParams = {},
  opts: QueryOptions = {},
  vars: TemplateVars = {},
): Promise<QueryOutput<Row>> {
  return runQuery<Row>(conn, jobStatement(name, params, vars, conn.catalog), { timeoutMs: 600_000, ...opts });
}

/**
 * Session of the writes that run every few seconds (the Kafka ingest's Bronze appends and its
 * checkpoints): no extended statistics (NDV sketches in a Puffin file) on write. Each such file is
 * computed from the batch's rows and recorded in the table's metadata with its snapshot, so every
 * 5-second commit grew the metadata every later query parses, and Trino's cache of it, until the
 * hourly snapshot expiry; the dashboard's statements do not need these statistics.
 */
export const frequentWriteSession = (conn: TrinoConnection): Record<string, string> => ({
  [`${conn.catalog}.collect_extended_statistics_on_write`]: "false",
});
