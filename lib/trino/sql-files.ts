/**
 * Loads a statement from a repository .sql file: one statement per file, starting with a header
 * comment that says what it is and its formula. The dashboard (sql/queries), the pipeline
 * (sql/jobs) and the benchmarks read their SQL through here. Each caller names its folder: the
 * dashboard resolves from the working directory (a Next server bundle has no stable source path),
 * the pipeline from the repository root. The statement comes back in the caller's catalog
 * (catalog-name.ts): the jobs pass their connection's, the dashboard its TRINO_CATALOG.
 */
import fs from "node:fs";
import path from "node:path";
import { inCatalog, SQL_CATALOG } from "./catalog-name";
import { statementOf } from "./sql-text";

const loaded = new Map<string, string>();

/** The statement of `<dir>/<name>.sql` with its comments stripped, in `catalog`, read once per process. */
export function loadStatement(dir: string, name: string, catalog: string = SQL_CATALOG): string {
  // Names come from code; refusing anything else keeps a name from ever walking out of `dir`.
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`bad SQL file name: ${name}`);
  const file = path.join(dir, `${name}.sql`);
  let sql = loaded.get(file);
  if (sql === undefined) {
    const text = fs.readFileSync(file, "utf8");
    if (!text.startsWith("-- ")) throw new Error(`${file} must start with a header comment saying what it is`);
    sql = statementOf(`${name}.sql`, text);
    loaded.set(file, sql);
  }
  return inCatalog(sql, catalog);
}
