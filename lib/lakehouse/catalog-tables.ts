/**
 * The tables of Apache Iceberg's JDBC catalog, which Trino 476 expects to exist and does not create
 * itself. sql/catalog holds their DDL (Iceberg's own layout, `IF NOT EXISTS`), applied as the
 * database owner before Trino starts: every start, because it costs a few milliseconds and a catalog
 * must never be missing a table. The layout is Iceberg's, not Pulse's to evolve, so there is no ledger.
 */
import path from "node:path";
import { dbConfig, withDb } from "../ops-db/connection";
import { DB_NAME, DB_ROLES } from "./db-credentials";
import { loadMigrationFiles } from "./migration-files";
import { type InstanceSettings, REPO_ROOT } from "./settings";

export const CATALOG_SQL_DIR = path.join(REPO_ROOT, "sql", "catalog");
/** PostgreSQL schema of the catalog's tables (sql/catalog/001_schema_iceberg_catalog.sql). */
export const CATALOG_DB_SCHEMA = "iceberg_catalog";

/** What an engine needs to open this lakehouse's catalog (password: the instance's credentials file). */
export function jdbcCatalogSettings(s: InstanceSettings) {
  return {
    catalogName: s.catalog,
    url: `jdbc:postgresql://127.0.0.1:${s.pgPort}/${DB_NAME}?currentSchema=${CATALOG_DB_SCHEMA}`,
    user: DB_ROLES.owner,
  };
}

export async function ensureCatalogTables(s: InstanceSettings): Promise<string[]> {
  const files = loadMigrationFiles(CATALOG_SQL_DIR);
  await withDb(dbConfig(s, "owner"), async (db) => {
    for (const file of files) await db.query(file.sql);
  });
  return files.map((f) => f.name);
}
