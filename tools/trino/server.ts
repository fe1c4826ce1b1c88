/**
 * Starts, stops and inspects the Trino of one lakehouse instance: one node, or a coordinator and
 * N workers (workers.ts). Each runs in the background through Trino's own launcher (pid file and
 * logs under its data dir), and only the processes recorded in those pid files are ever stopped.
 */
import fs from "node:fs";
import { connectionFor } from "../../lib/lakehouse/connection";
import { readInstanceSecrets } from "../../lib/lakehouse/secrets";
import { type InstanceSettings, instancePaths, type StorageProfile, serverUrl } from "../../lib/lakehouse/settings";
import { describeWarehouse, storageOf } from "../../lib/lakehouse/storage-profile";
import { runQuery } from "../../lib/trino/client";
import { portIsFree } from "../net/ports";
import { tailLog } from "../process/log-tail";
import { alive, readPidFile, stopRecordedServer, writePidFile } from "../process/pid-file";
import { configIsCurrent, writeConfigFiles } from "./config-files";
import { ensureSecrets, refreshPasswordFile } from "./credentials";
import { ensureDistribution, type Progress } from "./distribution";
import { answersPlainHttp, fetchInfo } from "./info";
import { findJava } from "./java";
import { MIN_OPEN_FILES, openFileLimit, runLauncher } from "./launcher";
import { trinoPidByDataDir } from "./pid-by-data-dir";
import { renderTrinoConfig } from "./trino-config";
import { deadWorker, ensureWorkers, stopWorkers, workerStatus } from "./workers";

export class LakehouseError extends Error {
  override readonly name = "LakehouseError";
}

export interface ServerInfo {
  readonly running: boolean;
  readonly pid?: number;
  readonly version?: string;
  readonly starting?: boolean;
  readonly uptime?: string;
  readonly url: string;
  readonly dataDir: string;
}

const START_TIMEOUT_MS = 240_000;

/**
 * The coordinator's pid: the launcher's pid file, or, when that names no live process, the Trino
 * serving this instance's data dir (pid-by-data-dir.ts), which then becomes the recorded one.
 */
function readPid(s: InstanceSettings): number | undefined {
  const p = instancePaths(s);
  const recorded = readPidFile(p.pidFile);
  if (recorded !== undefined && alive(recorded)) return recorded;
  const found = trinoPidByDataDir(p.var);
  if (found === undefined) return recorded;
  writePidFile(p.pidFile, found);
  return found;
}

export async function status(s: InstanceSettings): Promise<ServerInfo> {
  const pid = readPid(s);
  const running = pid !== undefined && alive(pid);
  const info = running ? await fetchInfo(s) : undefined;
  return {
    running,
    pid: running ? pid : undefined,
    version: info?.version,
    starting: info?.starting,
    uptime: info?.uptime,
    url: serverUrl(s),
    dataDir: describeWarehouse(s),
  };
}

/**
 * The coordinator's view of which workers can run a catalog's splits is refreshed on an interval
 * (the node manager's and node selector's few-second refresh), so for a few seconds after the
 * workers show as active in system.runtime.nodes a query can still fail with "No worker nodes
 * available" (seen once in CI, migrating the cluster lakehouse). With workers, ready waits this long
 * after they have all joined.
 */
const NODE_MAP_SETTLE_MS = 6_000;

/**
 * Why a statement in the instance's catalog fails, or undefined when the catalog answers. It does not
 * prove the scheduler's node map holds the node (information_schema is answered on the coordinator):
 * a statement that meets an empty map is sent again by runQuery (lib/trino/client.ts, isNoNodesYet).
 */
function catalogProblem(s: InstanceSettings): Promise<string | undefined> {
  return runQuery(connectionFor(s, "admin"), `SELECT count(*) AS n FROM ${s.catalog}.information_schema.schemata`, { timeoutMs: 10_000 })
    .then(() => undefined)
    .catch((err: unknown) => (err instanceof Error ? err.message : String(err)));
}

/**
 * Ready means /v1/info no longer says starting AND the nodes that run splits have joined, so queries
 * can run: the node itself, or all N workers active in system.runtime.nodes (for NODE_MAP_SETTLE_MS).
 */
async function waitUntilReady(s: InstanceSettings, launched: number, workerPids: Map<number, number>, progress: Progress): Promise<void> {
  const started = Date.now();
  let lastReport = 0;
  let active = 0;
  let allActiveSince: number | undefined;
  let catalogError: string | undefined;
  let pid = launched;
  for (;;) {
    const elapsed = Date.now() - started;
    // The pid file may name another process than the Trino that runs (pid-by-data-dir.ts).
    const found = alive(pid) ? pid : readPid(s);
    if (found !== undefined && found !== pid && alive(found)) {
      progress(`  Trino runs as pid ${found}, not as the launcher's pid ${pid}: following ${found}`);
      pid = found;
    }
    if (!alive(pid)) {
      throw new LakehouseError(
        `Trino exited during start-up. Last lines of ${instancePaths(s).serverLog}:\n${tailLog(instancePaths(s).serverLog)}\n${tailLog(instancePaths(s).launcherLog, 10)}`,
      );
    }
    const dead = deadWorker(s, workerPids);
    if (dead) throw new LakehouseError(dead);
    if (elapsed > START_TIMEOUT_MS) {
      const why = catalogError === undefined ? "" : ` Its catalog ${s.catalog} answered: ${catalogError}.`;
      throw new LakehouseError(`Trino did not become ready within ${START_TIMEOUT_MS / 1000} s.${why} Last log lines:\n${tailLog(instancePaths(s).serverLog)}`);
    }
    const info = await fetchInfo(s);
    if (info && !info.starting) {
      active = await runQuery<{ nodes: number; workers: number }>(
        connectionFor(s, "admin"),
        "SELECT count(*) AS nodes, count_if(NOT coordinator) AS workers FROM system.runtime.nodes WHERE state = 'active'",
        { timeoutMs: 10_000 },
      )
        .then((r) => (s.workers === 0 ? Number(r.rows[0]?.nodes ?? 0) : Number(r.rows[0]?.workers ?? 0)))
        .catch(() => 0);
      if (active >= Math.max(1, s.workers)) {
        // One node: ready once the catalog answers too. The node selector's map can still be empty
        // for a few seconds after that ("No nodes available to run query", seen twice in npm start's
        // migration); runQuery sends such a statement again, so start-up need not wait for it here.
        if (s.workers === 0) {
          catalogError = await catalogProblem(s);
          if (catalogError === undefined) return;
        } else {
          allActiveSince ??= Date.now();
          if (Date.now() - allActiveSince >= NODE_MAP_SETTLE_MS) return;
        }
      } else allActiveSince = undefined;
    }
    if (elapsed - lastReport >= 5000) {
      const what = !info ? "not answering yet" : info.starting || s.workers === 0 ? "starting" : `${active} of ${s.workers} workers active`;
      progress(`  waiting for Trino (${Math.round(elapsed / 1000)} s, ${what})`);
      lastReport = elapsed;
    }
    await new Promise((r) => setTimeout(r, 500));
  }
}

export interface StartResult {
  readonly alreadyRunning: boolean;
  readonly startupMs: number;
  readonly downloadedBytes: number;
  readonly fromCache: boolean;
}

/** The coordinator's files as this start would write them; a running one started with others is restarted. */
const coordinatorFiles = (s: InstanceSettings, storage: StorageProfile) => renderTrinoConfig(s, readInstanceSecrets(s).trino, storage);

/** Starts (or finds running) the instance's Trino on the storage profile it was created with (lib/lakehouse/storage-profile.ts). */
export async function start(s: InstanceSettings, progress: Progress = () => undefined): Promise<StartResult> {
  const storage = storageOf(s);
  const java = findJava();
  const current = await status(s);
  if (current.running) {
    const info = await fetchInfo(s);
    if (info?.environment !== "pulse") {
      if (await answersPlainHttp(s)) {
        throw new LakehouseError(
          `the Trino running as pid ${current.pid} was started before this lakehouse used HTTPS and passwords; stop it with \`npm run lakehouse -- down${s.name === "main" ? "" : ` --instance ${s.name}`}\` and start again`,
        );
      }
      throw new LakehouseError(`pid ${current.pid} from ${instancePaths(s).pidFile} is alive but port ${s.port} does not answer as this lakehouse`);
    }
    refreshPasswordFile(s);
    if (configIsCurrent(instancePaths(s).etc, coordinatorFiles(s, storage))) {
      const dist = await ensureDistribution(progress);
      const workerPids = await ensureWorkers(s, { home: dist.home, java, secrets: readInstanceSecrets(s).trino, storage }, progress);
      await waitUntilReady(s, current.pid!, workerPids, progress);
      return { alreadyRunning: true, startupMs: 0, downloadedBytes: 0, fromCache: true };
    }
    progress(`the running Trino coordinator has another configuration (workers ${s.workers}, heap or storage): restarting it`);
    await stopCoordinator(s, progress);
  }
  if (!(await portIsFree(s.port))) {
    throw new LakehouseError(`port ${s.port} on 127.0.0.1 is in use by another process; stop it or pick another port (${portSetting(s)})`);
  }
  const limit = openFileLimit();
  if (limit !== undefined && limit < MIN_OPEN_FILES) {
    throw new LakehouseError(
      `Trino needs an open-file limit of at least ${MIN_OPEN_FILES} (the hard limit, ulimit -Hn, is ${limit}): raise it in /etc/security/limits.conf or the service manager`,
    );
  }
  const secrets = ensureSecrets(s, () => java);
  const dist = await ensureDistribution(progress);
  const p = instancePaths(s);
  fs.mkdirSync(p.var, { recursive: true });
  if (storage === "local") fs.mkdirSync(p.warehouse, { recursive: true });
  writeConfigFiles(p.etc, renderTrinoConfig(s, secrets.trino, storage));
  // A coordinator killed a moment ago may still be a zombie (its parent has not reaped it): Trino's
  // launcher takes any pid that answers signal 0 as running and refuses to start ("already running
  // as …"). It is not running (status() said so), so its pid file goes.
  fs.rmSync(p.pidFile, { force: true });
  const role = s.workers === 0 ? "" : ` coordinator and ${s.workers} worker${s.workers === 1 ? "" : "s"}`;
  progress(`starting Trino ${dist.home.split("-").pop()}${role} on ${serverUrl(s)} with Java ${java.version}`);
  const t0 = Date.now();
  const res = runLauncher(dist.home, java, s, storage, { etc: p.etc, data: p.var }, "start");
  const pid = readPid(s);
  if (!res.ok || pid === undefined) {
    throw new LakehouseError(`the Trino launcher failed: ${res.output}\n${tailLog(p.launcherLog, 20)}`);
  }
  // Workers start while the coordinator does: they keep announcing themselves until it answers.
  const workerPids = await ensureWorkers(s, { home: dist.home, java, secrets: secrets.trino, storage }, progress);
  await waitUntilReady(s, pid, workerPids, progress);
  const startupMs = Date.now() - t0;
  progress(`Trino is up in ${(startupMs / 1000).toFixed(1)} s`);
  return { alreadyRunning: false, startupMs, downloadedBytes: dist.fromCache ? 0 : dist.downloadedBytes, fromCache: dist.fromCache };
}

const portSetting = (s: InstanceSettings) =>
  s.name === "main" ? "PULSE_TRINO_PORT" : s.name === "test" ? "PULSE_TEST_TRINO_PORT" : "PULSE_CLUSTER_TEST_TRINO_PORT";

async function stopCoordinator(s: InstanceSettings, progress: Progress, label = s.workers === 0 ? "Trino" : "Trino coordinator"): Promise<boolean> {
  const stopped = await stopRecordedServer(label, readPid(s), progress);
  if (stopped) fs.rmSync(instancePaths(s).pidFile, { force: true });
  return stopped;
}

/** Stops the workers (every one found, whatever the setting says now), then the coordinator. */
export async function stop(s: InstanceSettings, progress: Progress = () => undefined): Promise<boolean> {
  // Named by what runs, not by the setting: `down` without --workers also stops a cluster.
  const label = workerStatus(s).some((w) => w.running) ? "Trino coordinator" : "Trino";
  await stopWorkers(s, progress);
  return stopCoordinator(s, progress, label);
}
