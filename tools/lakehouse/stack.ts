/**
 * The local lakehouse as one unit: PostgreSQL (the Iceberg catalog and Pulse's operational store),
 * then Trino; stopped in the reverse order. Every command that runs a lakehouse (npm start, the
 * lakehouse command, the integration runner, the e2e set-up) goes through here, so each starts,
 * stops, wipes and migrates both servers of its own instance and never just one of them.
 */
import fs from "node:fs";
import { ensureCatalogTables } from "../../lib/lakehouse/catalog-tables";
import { connectionFor, templateVars } from "../../lib/lakehouse/connection";
import { type MigrateResult, migrate, type Progress } from "../../lib/lakehouse/migrate";
import { type InstanceSettings, instancePaths } from "../../lib/lakehouse/settings";
import { dbConfig } from "../../lib/ops-db/connection";
import { migrateOps } from "../../lib/ops-db/migrate";
import { clusterExists } from "../postgres/cluster";
import { type PostgresInfo, type PostgresStartResult, postgresStatus, startPostgres, stopPostgres, wipePostgres } from "../postgres/server";
import { type ServerInfo, type StartResult, start, status, stop } from "../trino/server";

export interface LakehouseStart {
  readonly postgres: PostgresStartResult;
  readonly trino: StartResult;
}

export class OldMetastoreError extends Error {
  override readonly name = "OldMetastoreError";
}

/**
 * A warehouse with files but no catalog database was built on the former file metastore (or lost its
 * catalog): its tables are not in the JDBC catalog, and starting would silently build a second,
 * empty lakehouse beside them. Such a lakehouse is not migrated; a reset and a new seed replace it.
 */
function refuseCatalogLessWarehouse(s: InstanceSettings): void {
  const { warehouse } = instancePaths(s);
  if (clusterExists(s) || !fs.existsSync(warehouse) || fs.readdirSync(warehouse).length === 0) return;
  throw new OldMetastoreError(
    `${warehouse} holds tables but instance '${s.name}' has no catalog database yet: it was built on the former file metastore, whose tables are not migrated. Start afresh with 'npm run lakehouse -- reset --yes${s.name === "main" ? "" : ` --instance ${s.name}`}', then 'npm start' seeds a new history.`,
  );
}

export async function startLakehouse(s: InstanceSettings, progress: Progress = () => undefined): Promise<LakehouseStart> {
  refuseCatalogLessWarehouse(s);
  const postgres = await startPostgres(s, progress);
  // Trino 476 fails every catalog statement until these exist.
  await ensureCatalogTables(s);
  const trino = await start(s, progress);
  return { postgres, trino };
}

export async function stopLakehouse(s: InstanceSettings, progress: Progress = () => undefined): Promise<void> {
  await stop(s, progress);
  await stopPostgres(s, progress);
}

/**
 * Stops the instance and deletes its data: the warehouse's files and the catalog that points into
 * them go together, or the catalog would name files that no longer exist.
 */
export async function wipeLakehouse(s: InstanceSettings, progress: Progress = () => undefined): Promise<void> {
  await stopLakehouse(s, progress);
  fs.rmSync(instancePaths(s).warehouse, { recursive: true, force: true });
  await wipePostgres(s);
}

export interface LakehouseMigration {
  /** sql/ops into PostgreSQL's pulse_ops. */
  readonly ops: MigrateResult;
  /** sql/ddl into Trino's lakehouse catalog. */
  readonly ddl: MigrateResult;
}

export async function migrateLakehouse(s: InstanceSettings, progress: Progress = () => undefined): Promise<LakehouseMigration> {
  const ops = await migrateOps(dbConfig(s, "owner"), progress);
  const ddl = await migrate(connectionFor(s, "admin"), templateVars(s), progress);
  return { ops, ddl };
}

export const describeMigration = (m: LakehouseMigration) =>
  `migrations: sql/ddl ${m.ddl.applied.length} applied, ${m.ddl.skipped} already in place; sql/ops ${m.ops.applied.length} applied, ${m.ops.skipped} already in place`;

export interface LakehouseStatus {
  readonly trino: ServerInfo;
  readonly postgres: PostgresInfo;
}

export async function lakehouseStatus(s: InstanceSettings): Promise<LakehouseStatus> {
  const [trino, postgres] = await Promise.all([status(s), postgresStatus(s)]);
  return { trino, postgres };
}
