/**
 * The local lakehouse as one unit: PostgreSQL (the Iceberg catalog and Pulse's operational store),
 * S3Proxy on the s3 storage profile, Kafka (the log producers publish to, with Pulse's topics), then
 * Trino (one node, or a coordinator and its workers); stopped in the reverse order. Every command that runs a lakehouse (npm start, the lakehouse
 * command, the test runners, the e2e set-up) goes through here, so each starts, stops, wipes and
 * migrates all servers of its own instance and never just one of them.
 */
import fs from "node:fs";
import path from "node:path";
import { ensureCatalogTables } from "../../lib/lakehouse/catalog-tables";
import { connectionFor, templateVars } from "../../lib/lakehouse/connection";
import { type MigrateResult, migrate, type Progress } from "../../lib/lakehouse/migrate";
import { type InstanceSettings, instancePaths } from "../../lib/lakehouse/settings";
import { settleProfile, storageOf } from "../../lib/lakehouse/storage-profile";
import { dbConfig } from "../../lib/ops-db/connection";
import { migrateOps } from "../../lib/ops-db/migrate";
import { type KafkaInfo, type KafkaStartResult, kafkaStatus, startKafka, stopKafka, wipeKafka } from "../kafka/server";
import { clusterExists } from "../postgres/cluster";
import { type PostgresInfo, type PostgresStartResult, postgresStatus, startPostgres, stopPostgres, wipePostgres } from "../postgres/server";
import { type S3ProxyInfo, type S3ProxyStartResult, s3proxyStatus, startS3Proxy, stopS3Proxy } from "../s3proxy/server";
import { type ServerInfo, type StartResult, start, status, stop } from "../trino/server";
import { type WorkerInfo, workerStatus } from "../trino/workers";

export interface LakehouseStart {
  readonly postgres: PostgresStartResult;
  /** Only on the s3 profile. */
  readonly s3proxy?: S3ProxyStartResult;
  readonly kafka: KafkaStartResult;
  readonly trino: StartResult;
}

export class OldMetastoreError extends Error {
  override readonly name = "OldMetastoreError";
}

const hasFiles = (dir: string) => fs.existsSync(dir) && fs.readdirSync(dir).length > 0;

/**
 * A warehouse with files but no catalog database was built on the former file metastore (or lost its
 * catalog): its tables are not in the JDBC catalog, and starting would silently build a second,
 * empty lakehouse beside them. Such a lakehouse is not migrated; a reset and a new seed replace it.
 * On the s3 profile the files are in S3Proxy's backend folder, one subfolder per bucket: an empty
 * bucket (a folder with nothing in it) is not a lakehouse.
 */
function refuseCatalogLessWarehouse(s: InstanceSettings): void {
  if (clusterExists(s)) return;
  const p = instancePaths(s);
  const bucketsWithFiles = fs.existsSync(p.s3Data) && fs.readdirSync(p.s3Data).some((b) => hasFiles(path.join(p.s3Data, b)));
  if (!hasFiles(p.warehouse) && !bucketsWithFiles) return;
  const warehouse = bucketsWithFiles ? p.s3Data : p.warehouse;
  throw new OldMetastoreError(
    `${warehouse} holds tables but instance '${s.name}' has no catalog database yet: it was built on the former file metastore, whose tables are not migrated. Start afresh with 'npm run lakehouse -- reset --yes${s.name === "main" ? "" : ` --instance ${s.name}`}', then 'npm start' seeds a new history.`,
  );
}

export async function startLakehouse(s: InstanceSettings, progress: Progress = () => undefined): Promise<LakehouseStart> {
  const storage = settleProfile(s, clusterExists(s));
  refuseCatalogLessWarehouse(s);
  const postgres = await startPostgres(s, progress);
  const s3proxy = storage === "s3" ? await startS3Proxy(s, progress) : undefined;
  const kafka = await startKafka(s, progress);
  // Trino 476 fails every catalog statement until these exist.
  await ensureCatalogTables(s);
  const trino = await start(s, progress);
  return { postgres, s3proxy, kafka, trino };
}

/** Trino (workers, then the coordinator), Kafka, S3Proxy, PostgreSQL: each server only if its pid file says it runs. */
export async function stopLakehouse(s: InstanceSettings, progress: Progress = () => undefined): Promise<void> {
  await stop(s, progress);
  await stopKafka(s, progress);
  if ((await s3proxyStatus(s)).running) await stopS3Proxy(s, progress);
  await stopPostgres(s, progress);
}

/**
 * Stops the instance and deletes its data: the warehouse's files and the catalog that points into
 * them go together, or the catalog would name files that no longer exist.
 */
export async function wipeLakehouse(s: InstanceSettings, progress: Progress = () => undefined): Promise<void> {
  await stopLakehouse(s, progress);
  const p = instancePaths(s);
  // Both places a warehouse can be: the local folder, and S3Proxy's backend (stopped above, so the
  // folder is the bucket's whole state). The profile file goes too: a wiped instance is a new one.
  for (const dir of [p.warehouse, p.s3Data]) fs.rmSync(dir, { recursive: true, force: true });
  fs.rmSync(p.profileFile, { force: true });
  // The topics go with the tables: the ingest checkpoints that name their offsets are in the lakehouse.
  wipeKafka(s);
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
  readonly storage: "local" | "s3";
  readonly trino: ServerInfo;
  readonly workers: WorkerInfo[];
  readonly s3proxy?: S3ProxyInfo;
  readonly kafka: KafkaInfo;
  readonly postgres: PostgresInfo;
}

export async function lakehouseStatus(s: InstanceSettings): Promise<LakehouseStatus> {
  const storage = storageOf(s);
  const [trino, postgres, s3proxy, kafka] = await Promise.all([
    status(s),
    postgresStatus(s),
    storage === "s3" ? s3proxyStatus(s) : Promise.resolve(undefined),
    kafkaStatus(s),
  ]);
  return { storage, trino, workers: workerStatus(s), s3proxy, kafka, postgres };
}
