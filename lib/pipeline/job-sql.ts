/**
 * Loads a job statement from sql/jobs/<name>.sql and binds its named placeholders. Job files hold
 * one statement each, start with a header comment saying what they do, and take every value
 * through bindSql, never by string building.
 */
import fs from "node:fs";
import path from "node:path";
import { bindSql, type SqlParams } from "../trino/bind";
import { runQuery, type QueryOptions, type QueryOutput, type TrinoConnection } from "../trino/client";
import { renderTemplate, statementOf, type TemplateVars } from "../lakehouse/migrate";
import { REPO_ROOT } from "../lakehouse/settings";

export const JOBS_DIR = path.join(REPO_ROOT, "sql", "jobs");

const cache = new Map<string, string>();

export function jobSql(name: string): string {
  let sql = cache.get(name);
  if (sql === undefined) {
    const file = path.join(JOBS_DIR, `${name}.sql`);
    const text = fs.readFileSync(file, "utf8");
    if (!text.startsWith("-- ")) throw new Error(`sql/jobs/${name}.sql must start with a header comment`);
    sql = statementOf(`${name}.sql`, text);
    cache.set(name, sql);
  }
  return sql;
}

/**
 * `vars` fill `{{name}}` identifiers (a table name in a maintenance statement): callers pass names
 * from code, and renderTemplate refuses anything but letters, digits and underscores.
 */
export function runJob<Row = Record<string, unknown>>(
  conn: TrinoConnection,
  name: string,
  params: SqlParams = {},
  opts: QueryOptions = {},
  vars: TemplateVars = {},
): Promise<QueryOutput<Row>> {
  return runQuery<Row>(conn, bindSql(renderTemplate(jobSql(name), vars), params), { timeoutMs: 600_000, ...opts });
}
