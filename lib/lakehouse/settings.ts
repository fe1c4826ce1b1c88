/**
 * Where a local lakehouse instance lives and how it is reached. Everything is derived from the tools
 * settings (lib/config/tools.ts) so the demo and the test suite can run side by side without sharing
 * a port or a byte of data.
 */
import os from "node:os";
import path from "node:path";
import { REPO_ROOT } from "../config/env-files";
import { toolsConfig } from "../config/tools";
import { SQL_CATALOG } from "../trino/catalog-name";

export const TRINO_VERSION = "476";
/** The local lakehouse's Iceberg catalog: the name sql/ is written with (lib/trino/catalog-name.ts). */
export const CATALOG = SQL_CATALOG;

/** Users enforced by Trino's file-based access control (see tools/trino/trino-config.ts). */
export const USERS = {
  admin: "pulse_admin",
  writer: "pulse_writer",
  dashboard: "pulse_dashboard",
} as const;
export type Role = keyof typeof USERS;

export { REPO_ROOT };

/** Where an instance's Iceberg files live: its own folder, or a bucket of its own S3Proxy. */
export type StorageProfile = "local" | "s3";
export type InstanceName = "main" | "test" | "cluster";
export const INSTANCE_NAMES: readonly InstanceName[] = ["main", "test", "cluster"];

export interface InstanceSettings {
  /** "main" for the demo, "test" for the test suite, "cluster" for the cluster smoke (npm run test:cluster). */
  readonly name: string;
  /**
   * The instance's Iceberg catalog in Trino: `lakehouse` for the demo and the tests; the attach test's
   * stand-in for another team's Trino names it differently, as a real one may.
   */
  readonly catalog: string;
  /** Trino's HTTPS port (the coordinator's, when there are workers). */
  readonly port: number;
  /** Port of the instance's PostgreSQL: the Iceberg catalog and Pulse's operational store. */
  readonly pgPort: number;
  /** Holds etc/, node/ (Trino logs, pid), workers/, warehouse/ or s3proxy/ (Iceberg data and metadata files), postgres/ and secrets/. */
  readonly dir: string;
  /** Heap of the single node; with workers, see clusterHeaps(). */
  readonly heapGb: number;
  /** Minutes of closed RT log that velocity is computed over (seed §4.1 read-time views). */
  readonly velocityWindowMinutes: number;
  /**
   * Floor for snapshot expiry and orphan-file removal retention. 1h for the demo (the 7-day
   * default is for shared clusters with long readers); 0s for tests, which cannot wait.
   */
  readonly maintenanceMinRetention: string;
  /**
   * Finished queries Trino keeps listed in system.runtime.queries (query.max-history; 5 when unset,
   * see trino-config.ts for why so few). The test instance keeps more: its tests look a query up after
   * it ended, and with 5 a finished query is forgotten a second after five others ran.
   */
  readonly queryHistory?: number;
  /**
   * The storage profile asked for; undefined means the instance's own (lib/lakehouse/storage-profile.ts),
   * local for a new instance. An instance never changes profile: a reset is the way to another.
   */
  readonly storage: StorageProfile | undefined;
  /** Trino workers besides the coordinator (0: one node that is both). */
  readonly workers: number;
  /** S3Proxy's port (storage s3). */
  readonly s3Port: number;
  /** K, the dashboard's queries at once (PULSE_DASHBOARD_MAX_QUERIES): sizes Trino's dashboard resource group. */
  readonly dashboardMaxQueries: number;
}

export const MAX_WORKERS = 4;

export interface DistributionSettings {
  /** Unpacked Trino lives here, outside git, so a second `up` downloads nothing. */
  readonly cacheDir: string;
}

function defaultHeapGb(): number {
  // Half the machine, at most 12 GB: Trino 476 keeps roughly five bytes of heap per byte of
  // statement text it has run (measured, cause not yet found; see the issue notes), and Bronze
  // batches travel as text, so a seed of 4 million events needs ~5 GB beyond the working set.
  const half = Math.floor(os.totalmem() / 2 / 1024 ** 3);
  return Math.min(12, Math.max(2, half));
}

/** The folder of the instances' folders (PULSE_LAKEHOUSE_DIR, default ./.lakehouse); attach mode keeps its dashboard's pid file in attach/. */
export const lakehouseRoot = (): string => toolsConfig().PULSE_LAKEHOUSE_DIR ?? path.join(REPO_ROOT, ".lakehouse");

export function instanceSettings(name: InstanceName = "main"): InstanceSettings {
  const config = toolsConfig();
  const dir = path.join(lakehouseRoot(), name);
  const common = {
    name,
    catalog: CATALOG,
    dir,
    velocityWindowMinutes: config.PULSE_VELOCITY_WINDOW_MINUTES,
    dashboardMaxQueries: config.PULSE_DASHBOARD_MAX_QUERIES,
  };
  if (name === "main") {
    return {
      ...common,
      port: config.PULSE_TRINO_PORT,
      pgPort: config.PULSE_PG_PORT,
      heapGb: config.PULSE_TRINO_HEAP_GB ?? defaultHeapGb(),
      maintenanceMinRetention: "1h",
      storage: config.PULSE_STORAGE,
      workers: config.PULSE_WORKERS,
      s3Port: config.PULSE_S3PROXY_PORT ?? config.PULSE_TRINO_PORT + S3PROXY_PORT_OFFSET,
    };
  }
  // The cluster smoke's ports sit 50 above the test suite's, so moving those (as a second checkout
  // does) moves these with them; its workers and S3Proxy take the ports just above its coordinator.
  const port = name === "test" ? config.PULSE_TEST_TRINO_PORT : (config.PULSE_CLUSTER_TEST_TRINO_PORT ?? config.PULSE_TEST_TRINO_PORT + 50);
  const pgPort = name === "test" ? config.PULSE_TEST_PG_PORT : (config.PULSE_CLUSTER_TEST_PG_PORT ?? config.PULSE_TEST_PG_PORT + 50);
  return {
    ...common,
    port,
    pgPort,
    // The cluster smoke's coordinator only plans; see clusterHeaps() for its workers.
    heapGb: name === "test" ? 3 : 2,
    maintenanceMinRetention: "0s",
    storage: name === "test" ? "local" : "s3",
    workers: name === "test" ? 0 : 2,
    s3Port: port + S3PROXY_PORT_OFFSET,
    ...(name === "test" ? { queryHistory: 50 } : {}),
  };
}

/**
 * Ports above an instance's Trino port: worker i (1..MAX_WORKERS) takes port + i and S3Proxy port + 9.
 * Instances are placed 50 or more apart (the defaults 18080, 18180, 18230), so these never meet another's.
 */
export const S3PROXY_PORT_OFFSET = 9;
export const workerPort = (s: InstanceSettings, i: number) => s.port + i;

/**
 * Heaps of a cluster on this one machine, sized so everything fits in 24 GiB with room to spare:
 *   coordinator 2 GiB (it only plans and merges: include-coordinator=false) + workers sharing 10 GiB,
 *   at most 5 each (1 worker 5, 2 workers 5 + 5, 3 workers 3 x 3, 4 workers 4 x 2): <= 12 GiB of heap;
 *   + about 0.75 GiB per Trino JVM outside the heap (code cache 256 MB, metaspace, thread stacks,
 *     direct buffers): <= 5 x 0.75 = 3.75 GiB;
 *   + PostgreSQL (shared_buffers 128 MB, a few backends) ~0.5 GiB, S3Proxy (-Xmx512m) ~0.75 GiB,
 *     the dashboard (next start) ~0.5 GiB, the job runner (Node) ~0.5 GiB;
 *   = at most ~18 GiB of 24, leaving the OS and its page cache 6 GiB.
 * The cluster smoke (instance "cluster") takes 2 + 2 x 2 GiB: it shares CI's machine with nothing, but
 * a developer's machine with the demo.
 */
export function clusterHeaps(s: InstanceSettings): { coordinatorGb: number; workerGb: number } {
  if (s.workers === 0) return { coordinatorGb: s.heapGb, workerGb: 0 };
  if (s.name !== "main") return { coordinatorGb: s.heapGb, workerGb: 2 };
  return { coordinatorGb: 2, workerGb: Math.min(5, Math.floor(10 / s.workers)) };
}

/**
 * Kafka's two listeners, above an instance's Trino port like S3Proxy's: the broker's (clients) at
 * port + 7 and the KRaft controller's at port + 8 (workers take + 1 to + 4, S3Proxy + 9).
 */
export const KAFKA_PORT_OFFSET = 7;
export const kafkaPort = (s: InstanceSettings) => s.port + KAFKA_PORT_OFFSET;
export const kafkaControllerPort = (s: InstanceSettings) => s.port + KAFKA_PORT_OFFSET + 1;
/** The broker clients connect to, host:port. */
export const kafkaBootstrap = (s: InstanceSettings) => `127.0.0.1:${kafkaPort(s)}`;

export const KAFKA_VERSION = "4.1.1";

export function kafkaCacheDir(): string {
  const cacheHome = process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), ".cache");
  return toolsConfig().PULSE_KAFKA_CACHE ?? path.join(cacheHome, "pulse", `kafka-${KAFKA_VERSION}`);
}

export const S3PROXY_VERSION = "2.7.0";
/** The one bucket of an instance's S3Proxy; Iceberg's files go under s3://pulse-warehouse/<schema>/. */
export const WAREHOUSE_BUCKET = "pulse-warehouse";

export function s3proxyCacheDir(): string {
  const cacheHome = process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), ".cache");
  return toolsConfig().PULSE_S3PROXY_CACHE ?? path.join(cacheHome, "pulse", `s3proxy-${S3PROXY_VERSION}`);
}

export function distributionSettings(): DistributionSettings {
  const cacheHome = process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), ".cache");
  return { cacheDir: toolsConfig().PULSE_TRINO_CACHE ?? path.join(cacheHome, "pulse", `trino-${TRINO_VERSION}`) };
}

export const instancePaths = (s: InstanceSettings) => ({
  etc: path.join(s.dir, "etc"),
  /** Trino's node data dir; its launcher keeps var/log and var/run below it. */
  var: path.join(s.dir, "node"),
  warehouse: path.join(s.dir, "warehouse"),
  serverLog: path.join(s.dir, "node", "var", "log", "server.log"),
  launcherLog: path.join(s.dir, "node", "var", "log", "launcher.log"),
  pidFile: path.join(s.dir, "node", "var", "run", "launcher.pid"),
  /** PostgreSQL's folder: owned by the OS user the server runs as (see tools/postgres/os-user.ts). */
  pgDir: path.join(s.dir, "postgres"),
  /** The database cluster (PGDATA); its postmaster.pid is the server's pid file. */
  pgData: path.join(s.dir, "postgres", "data"),
  pgLog: path.join(s.dir, "postgres", "postgres.log"),
  /** Generated passwords of the cluster's roles, mode 0600 (lib/lakehouse/db-credentials.ts). */
  pgCredentials: path.join(s.dir, "postgres", "credentials.json"),
  /** The dashboard's write-API token (PULSE_API_TOKEN), generated on first use, mode 0600. */
  apiToken: path.join(s.dir, "api-token"),
  /** Worker i's etc/ and node data dir (launcher pid and logs under node/var/). */
  workerEtc: (i: number) => path.join(s.dir, "workers", String(i), "etc"),
  workerVar: (i: number) => path.join(s.dir, "workers", String(i), "node"),
  workerServerLog: (i: number) => path.join(s.dir, "workers", String(i), "node", "var", "log", "server.log"),
  workerLauncherLog: (i: number) => path.join(s.dir, "workers", String(i), "node", "var", "log", "launcher.log"),
  workerPidFile: (i: number) => path.join(s.dir, "workers", String(i), "node", "var", "run", "launcher.pid"),
  workersDir: path.join(s.dir, "workers"),
  /** S3Proxy's folder: its properties file (0600), pid file and log, and data/ (the filesystem backend). */
  s3Dir: path.join(s.dir, "s3proxy"),
  s3Config: path.join(s.dir, "s3proxy", "s3proxy.conf"),
  s3PidFile: path.join(s.dir, "s3proxy", "s3proxy.pid"),
  s3Log: path.join(s.dir, "s3proxy", "s3proxy.log"),
  /** The filesystem backend's base dir: one folder per bucket, one file per object. */
  s3Data: path.join(s.dir, "s3proxy", "data"),
  /** Kafka's folder: server.properties, its pid file and log, and data/ (the KRaft log dirs, formatted once). */
  kafkaDir: path.join(s.dir, "kafka"),
  kafkaConfig: path.join(s.dir, "kafka", "server.properties"),
  kafkaPidFile: path.join(s.dir, "kafka", "kafka.pid"),
  kafkaLog: path.join(s.dir, "kafka", "kafka.log"),
  kafkaData: path.join(s.dir, "kafka", "data"),
  /** The storage is formatted with this cluster id, kept so a restart reuses the formatted log dirs. */
  kafkaClusterId: path.join(s.dir, "kafka", "cluster-id"),
  /** The storage profile the instance was created with (storage-profile.ts). */
  profileFile: path.join(s.dir, "profile.json"),
  /** The main command's supervisor writes its servers' state here (tools/lakehouse/supervisor.ts). */
  supervisionFile: path.join(s.dir, "supervision.json"),
});

/** HTTPS only: Trino takes passwords over nothing else (tools/trino/security-config.ts). */
export const serverUrl = (s: InstanceSettings) => `https://127.0.0.1:${s.port}`;
