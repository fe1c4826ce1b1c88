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

export interface InstanceSettings {
  /** "main" for the demo, "test" for the test suite. */
  readonly name: string;
  /**
   * The instance's Iceberg catalog in Trino: `lakehouse` for the demo and the tests; the attach test's
   * stand-in for another team's Trino names it differently, as a real one may.
   */
  readonly catalog: string;
  /** Trino's HTTP port. */
  readonly port: number;
  /** Port of the instance's PostgreSQL: the Iceberg catalog and Pulse's operational store. */
  readonly pgPort: number;
  /** Holds etc/, node/ (Trino logs, pid), warehouse/ (Iceberg data and metadata files) and postgres/. */
  readonly dir: string;
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
}

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

export function instanceSettings(name: "main" | "test" = "main"): InstanceSettings {
  const isTest = name === "test";
  const config = toolsConfig();
  return {
    name,
    catalog: CATALOG,
    port: isTest ? config.PULSE_TEST_TRINO_PORT : config.PULSE_TRINO_PORT,
    pgPort: isTest ? config.PULSE_TEST_PG_PORT : config.PULSE_PG_PORT,
    dir: path.join(lakehouseRoot(), name),
    heapGb: isTest ? 3 : (config.PULSE_TRINO_HEAP_GB ?? defaultHeapGb()),
    velocityWindowMinutes: config.PULSE_VELOCITY_WINDOW_MINUTES,
    maintenanceMinRetention: isTest ? "0s" : "1h",
    ...(isTest ? { queryHistory: 50 } : {}),
  };
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
});

/** HTTPS only: Trino takes passwords over nothing else (tools/trino/security-config.ts). */
export const serverUrl = (s: InstanceSettings) => `https://127.0.0.1:${s.port}`;
