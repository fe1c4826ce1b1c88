/**
 * Starts, stops and inspects the PostgreSQL of one lakehouse instance, the way tools/trino/server.ts
 * does Trino: pg_ctl starts it in the background (its own session, so Ctrl-C in a terminal does not
 * reach it), the server's own pid file (postmaster.pid in the data folder) says whether it runs, and
 * only the process recorded there is ever stopped.
 */
import fs from "node:fs";
import path from "node:path";
import { DB_NAME, DB_ROLES } from "../../lib/lakehouse/db-credentials";
import type { Progress } from "../../lib/lakehouse/migrate";
import { type InstanceSettings, instancePaths } from "../../lib/lakehouse/settings";
import { dbConfig, withDb } from "../../lib/ops-db/connection";
import { portIsFree } from "../net/ports";
import { tailLog } from "../process/log-tail";
import { alive, stopRecordedServer, untilReaped } from "../process/pid-file";
import { findPostgres, program } from "./binaries";
import { ensureDatabase, initCluster, writeClusterConfig } from "./cluster";
import { dbOsUser, runAsDbUser } from "./os-user";

export class PostgresError extends Error {
  override readonly name = "PostgresError";
}

export interface PostgresInfo {
  readonly running: boolean;
  readonly pid?: number;
  readonly version?: string;
  readonly port: number;
  /** Where a client connects; the password is in `credentials`. */
  readonly url: string;
  readonly dataDir: string;
  readonly log: string;
  readonly credentials: string;
}

const START_TIMEOUT_S = 60;

/** postmaster.pid's first line is the server's pid (the file goes away on a clean stop). */
export function postgresPid(s: InstanceSettings): number | undefined {
  try {
    const pid = Number(fs.readFileSync(path.join(instancePaths(s).pgData, "postmaster.pid"), "utf8").split("\n")[0]);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

async function serverVersion(s: InstanceSettings): Promise<string | undefined> {
  try {
    return await withDb({ ...dbConfig(s, "superuser"), connectionTimeoutMillis: 3000 }, async (db) => {
      const r = await db.query<{ server_version: string }>("SHOW server_version");
      return r.rows[0]?.server_version.split(" ")[0];
    });
  } catch {
    return undefined;
  }
}

export async function postgresStatus(s: InstanceSettings): Promise<PostgresInfo> {
  const pid = postgresPid(s);
  const running = pid !== undefined && alive(pid);
  const p = instancePaths(s);
  return {
    running,
    pid: running ? pid : undefined,
    version: running ? await serverVersion(s) : undefined,
    port: s.pgPort,
    url: `postgresql://${DB_ROLES.owner}@127.0.0.1:${s.pgPort}/${DB_NAME}`,
    dataDir: p.pgData,
    log: p.pgLog,
    credentials: p.pgCredentials,
  };
}

export interface PostgresStartResult {
  readonly alreadyRunning: boolean;
  readonly initialised: boolean;
  readonly startupMs: number;
}

const portHint = (s: InstanceSettings) => (s.name === "test" ? "PULSE_TEST_PG_PORT" : s.name === "cluster" ? "PULSE_CLUSTER_TEST_PG_PORT" : "PULSE_PG_PORT");

export async function startPostgres(s: InstanceSettings, progress: Progress = () => undefined): Promise<PostgresStartResult> {
  const p = instancePaths(s);
  const current = await postgresStatus(s);
  if (current.running) {
    if (!current.version) {
      throw new PostgresError(`pid ${current.pid} from ${p.pgData}/postmaster.pid is alive but port ${s.pgPort} does not answer as this instance's PostgreSQL`);
    }
    await ensureDatabase(s, progress);
    return { alreadyRunning: true, initialised: false, startupMs: 0 };
  }
  // A postmaster killed a moment ago may be a zombie still: postmaster.pid's check (signal 0) would
  // take it as running and refuse. Its lock file also guards the shared memory its old backends may
  // still hold, so it is not deleted: the start waits for the zombie to be reaped instead.
  const stale = postgresPid(s);
  if (stale !== undefined) await untilReaped(stale, 15_000);
  if (!(await portIsFree(s.pgPort))) {
    throw new PostgresError(`port ${s.pgPort} on 127.0.0.1 is in use by another process; stop it or pick another port (${portHint(s)})`);
  }
  const bin = findPostgres();
  const user = dbOsUser();
  const t0 = Date.now();
  const initialised = initCluster(s, bin, user, progress);
  writeClusterConfig(s, user);
  progress(`starting PostgreSQL ${bin.major} on 127.0.0.1:${s.pgPort}${user.switches ? ` as the '${user.name}' user` : ""}`);
  const r = runAsDbUser(
    user,
    program(bin, "pg_ctl"),
    ["start", `--pgdata=${p.pgData}`, `--log=${p.pgLog}`, "--wait", `--timeout=${START_TIMEOUT_S}`, "--silent"],
    p.pgDir,
  );
  if (!r.ok) {
    const reason = r.output.split("\n")[0] || "pg_ctl gave no reason";
    throw new PostgresError(`PostgreSQL failed to start on 127.0.0.1:${s.pgPort} (${reason}). Last lines of ${p.pgLog}:\n${tailLog(p.pgLog, 20)}`);
  }
  await ensureDatabase(s, progress);
  const startupMs = Date.now() - t0;
  progress(`PostgreSQL is up in ${(startupMs / 1000).toFixed(1)} s${initialised ? " (new cluster)" : ""}`);
  return { alreadyRunning: false, initialised, startupMs };
}

/** Fast shutdown (SIGINT: roll back open transactions, then a clean checkpoint); immediate (SIGQUIT) after 30 s. */
export function stopPostgres(s: InstanceSettings, progress: Progress = () => undefined): Promise<boolean> {
  return stopRecordedServer("PostgreSQL", postgresPid(s), progress, { ask: "SIGINT", force: "SIGQUIT" });
}

/** Deletes the cluster (its data folder); the server must be stopped. Credentials and log stay. */
export async function wipePostgres(s: InstanceSettings): Promise<void> {
  if ((await postgresStatus(s)).running) throw new PostgresError(`PostgreSQL of instance '${s.name}' is running; stop it before wiping its data`);
  fs.rmSync(instancePaths(s).pgData, { recursive: true, force: true });
}
