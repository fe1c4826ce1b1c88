import "server-only";
/** Loads dashboard statements from sql/queries/<name>.sql (the repository's single source of SQL). */
import fs from "node:fs";
import path from "node:path";
import { statementOf } from "../trino/sql-text";

const loaded = new Map<string, string>();

export function querySql(name: string): string {
  let sql = loaded.get(name);
  if (sql === undefined) {
    if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`bad query file name: ${name}`);
    // Resolved from the working directory: `next start` and the scripts run from the repository root.
    const file = path.join(process.cwd(), "sql", "queries", `${name}.sql`);
    sql = statementOf(`${name}.sql`, fs.readFileSync(file, "utf8"));
    loaded.set(name, sql);
  }
  return sql;
}
