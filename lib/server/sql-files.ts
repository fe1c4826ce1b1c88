import "server-only";
/**
 * Dashboard statements: sql/queries/<name>.sql through the repository's one SQL-file loader, in the
 * catalog the server is configured for (TRINO_CATALOG; an attached lakehouse may not call it `lakehouse`).
 */
import path from "node:path";
import { serverConfig } from "../config/server";
import { loadStatement } from "../trino/sql-files";

export function querySql(name: string): string {
  // Resolved from the working directory: `next start` and the scripts run from the repository root.
  return loadStatement(path.join(process.cwd(), "sql", "queries"), name, serverConfig().TRINO_CATALOG);
}
