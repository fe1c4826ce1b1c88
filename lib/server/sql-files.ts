import "server-only";
/** Dashboard statements: sql/queries/<name>.sql through the repository's one SQL-file loader. */
import path from "node:path";
import { loadStatement } from "../trino/sql-files";

export function querySql(name: string): string {
  // Resolved from the working directory: `next start` and the scripts run from the repository root.
  return loadStatement(path.join(process.cwd(), "sql", "queries"), name);
}
