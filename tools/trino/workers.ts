/**
 * The worker JVMs of an instance started with `--workers N` (PULSE_WORKERS): worker i has its own
 * etc/ and node data dir under `<instance>/workers/<i>/`, its own pid file (the launcher's) and its
 * HTTPS port (settings.workerPort). Workers are started beside the coordinator and join it through
 * discovery; tools/trino/server.ts waits until all N are active. A later `up` with fewer workers
 * stops the extra ones; one whose configuration changed is restarted; the rest are left running.
 */
import fs from "node:fs";
import type { Progress } from "../../lib/lakehouse/migrate";
import { type InstanceSettings, instancePaths, type StorageProfile, workerPort } from "../../lib/lakehouse/settings";
import { portIsFree } from "../net/ports";
import { tailLog } from "../process/log-tail";
import { alive, readPidFile, stopRecordedServer } from "../process/pid-file";
import { configIsCurrent, writeConfigFiles } from "./config-files";
import type { JavaHome } from "./java";
import { runLauncher } from "./launcher";
import type { TrinoSecrets } from "./security-config";
import { renderWorkerConfig, workerNodeId } from "./worker-config";

export class WorkerError extends Error {
  override readonly name = "WorkerError";
}

export interface WorkerInfo {
  readonly index: number;
  readonly nodeId: string;
  readonly running: boolean;
  readonly pid?: number;
  readonly url: string;
  readonly log: string;
}

const workerPid = (s: InstanceSettings, i: number) => {
  const pid = readPidFile(instancePaths(s).workerPidFile(i));
  return pid !== undefined && alive(pid) ? pid : undefined;
};

/** Workers asked for (1..N) and any other one an earlier `up` left a folder for. */
export function workerIndexes(s: InstanceSettings): number[] {
  const dir = instancePaths(s).workersDir;
  const found = fs.existsSync(dir)
    ? fs
        .readdirSync(dir)
        .map(Number)
        .filter((n) => Number.isInteger(n) && n > 0)
    : [];
  return [...new Set([...Array.from({ length: s.workers }, (_, k) => k + 1), ...found])].sort((a, b) => a - b);
}

export function workerStatus(s: InstanceSettings): WorkerInfo[] {
  return workerIndexes(s).map((i) => {
    const pid = workerPid(s, i);
    return {
      index: i,
      nodeId: workerNodeId(s, i),
      running: pid !== undefined,
      pid,
      url: `https://127.0.0.1:${workerPort(s, i)}`,
      log: instancePaths(s).workerServerLog(i),
    };
  });
}

async function stopWorker(s: InstanceSettings, i: number, progress: Progress): Promise<void> {
  if (await stopRecordedServer(`Trino worker ${i}`, workerPid(s, i), progress)) fs.rmSync(instancePaths(s).workerPidFile(i), { force: true });
}

/** Stops every worker numbered `from` or above (all of them by default). */
export async function stopWorkers(s: InstanceSettings, progress: Progress, from = 1): Promise<void> {
  for (const i of workerIndexes(s).filter((n) => n >= from)) {
    if (workerPid(s, i) !== undefined) await stopWorker(s, i, progress);
  }
}

export interface WorkerLaunch {
  readonly home: string;
  readonly java: JavaHome;
  readonly secrets: TrinoSecrets;
  readonly storage: StorageProfile;
}

/** Brings workers 1..N to the current configuration (starting, restarting, or leaving them) and stops any above N. Returns their pids. */
export async function ensureWorkers(s: InstanceSettings, l: WorkerLaunch, progress: Progress): Promise<Map<number, number>> {
  await stopWorkers(s, progress, s.workers + 1);
  const pids = new Map<number, number>();
  for (let i = 1; i <= s.workers; i++) {
    const p = instancePaths(s);
    const files = renderWorkerConfig(s, l.secrets, l.storage, i);
    let pid = workerPid(s, i);
    if (pid !== undefined && !configIsCurrent(p.workerEtc(i), files)) {
      progress(`Trino worker ${i}'s configuration changed: restarting it`);
      await stopWorker(s, i, progress);
      pid = undefined;
    }
    if (pid === undefined) {
      const port = workerPort(s, i);
      if (!(await portIsFree(port))) {
        throw new WorkerError(
          `port ${port} on 127.0.0.1 (Trino worker ${i}: the instance's Trino port + ${i}) is in use by another process; stop it or move the instance's Trino port`,
        );
      }
      writeConfigFiles(p.workerEtc(i), files);
      fs.mkdirSync(p.workerVar(i), { recursive: true });
      // Not running (workerPid said so), if perhaps a zombie yet: its pid file would stop the launcher.
      fs.rmSync(p.workerPidFile(i), { force: true });
      progress(`starting Trino worker ${i} on https://127.0.0.1:${port}`);
      const res = runLauncher(l.home, l.java, s, l.storage, { etc: p.workerEtc(i), data: p.workerVar(i) }, "start");
      pid = workerPid(s, i);
      if (!res.ok || pid === undefined) {
        throw new WorkerError(`the Trino launcher failed for worker ${i}: ${res.output}\n${tailLog(p.workerLauncherLog(i), 20)}`);
      }
    }
    pids.set(i, pid);
  }
  return pids;
}

/** A worker that died while the cluster was starting, with the end of its log; undefined when all live. */
export function deadWorker(s: InstanceSettings, pids: Map<number, number>): string | undefined {
  for (const [i, pid] of pids) {
    if (!alive(pid)) {
      const p = instancePaths(s);
      return `Trino worker ${i} exited during start-up. Last lines of ${p.workerServerLog(i)}:\n${tailLog(p.workerServerLog(i))}\n${tailLog(p.workerLauncherLog(i), 10)}`;
    }
  }
  return undefined;
}
