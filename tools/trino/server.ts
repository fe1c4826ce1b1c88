/**
 * Starts, stops and inspects the Trino process of one lakehouse instance. Trino runs in the
 * background through its own launcher (pid file and logs under the instance's var/), and only the
 * process recorded in that pid file is ever stopped.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { connectionFor } from "../../lib/lakehouse/connection";
import { loadDbCredentials } from "../../lib/lakehouse/db-credentials";
import { type InstanceSettings, instancePaths, serverUrl } from "../../lib/lakehouse/settings";
import { runQuery } from "../../lib/trino/client";
import { portIsFree } from "../net/ports";
import { tailLog } from "../process/log-tail";
import { alive, readPidFile, stopRecordedServer } from "../process/pid-file";
import { ensureSecrets, refreshPasswordFile } from "./credentials";
import { ensureDistribution, type Progress } from "./distribution";
import { answersPlainHttp, fetchInfo } from "./info";
import { findJava, type JavaHome } from "./java";
import type { TrinoSecrets } from "./security-config";
import { CATALOG_PASSWORD_ENV, renderTrinoConfig } from "./trino-config";

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

const MIN_OPEN_FILES = 4096;
const START_TIMEOUT_MS = 240_000;

const readPid = (s: InstanceSettings) => readPidFile(instancePaths(s).pidFile);

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
    dataDir: instancePaths(s).warehouse,
  };
}

function writeConfig(s: InstanceSettings, secrets: TrinoSecrets): void {
  const p = instancePaths(s);
  for (const dir of [p.etc, path.join(p.etc, "catalog"), p.var, p.warehouse]) fs.mkdirSync(dir, { recursive: true });
  // 0600: config.properties holds the keystore password and the internal shared secret.
  for (const [rel, content] of Object.entries(renderTrinoConfig(s, secrets))) {
    const file = path.join(p.etc, rel);
    fs.writeFileSync(file, content, { mode: 0o600 });
    fs.chmodSync(file, 0o600);
  }
}

/** The open-file limit Trino will get: the launcher raises its soft limit to the hard one (see `launcher`). */
function openFileLimit(): number | undefined {
  const r = spawnSync("sh", ["-c", "ulimit -Hn"], { encoding: "utf8" });
  const n = Number(r.stdout.trim());
  return r.stdout.trim() === "unlimited" ? Infinity : Number.isFinite(n) ? n : undefined;
}

function launcher(home: string, java: JavaHome, s: InstanceSettings, command: string): { ok: boolean; output: string } {
  const p = instancePaths(s);
  // Trino refuses to start below 4096 open files; a shell's default soft limit is often 1024, so the
  // launcher runs with its soft limit raised to the hard one, and nobody has to type `ulimit` first.
  const raised = 'ulimit -n "$(ulimit -Hn)" 2>/dev/null; exec "$0" "$@"';
  const r = spawnSync("sh", ["-c", raised, path.join(home, "bin", "launcher"), command, `--etc-dir=${p.etc}`, `--data-dir=${p.var}`], {
    env: {
      ...process.env,
      JAVA_HOME: java.home,
      PATH: `${java.home}/bin:${process.env.PATH ?? ""}`,
      // The catalog's database password reaches Trino only through its environment (${ENV:...} in the catalog file).
      [CATALOG_PASSWORD_ENV]: loadDbCredentials(s).owner.password,
    },
    encoding: "utf8",
  });
  return { ok: r.status === 0, output: `${r.stdout ?? ""}${r.stderr ?? ""}`.trim() };
}

/** Ready means /v1/info no longer says starting AND the node has joined, so queries can run. */
async function waitUntilReady(s: InstanceSettings, pid: number, progress: Progress): Promise<void> {
  const started = Date.now();
  let lastReport = 0;
  for (;;) {
    const elapsed = Date.now() - started;
    if (!alive(pid)) {
      throw new LakehouseError(
        `Trino exited during start-up. Last lines of ${instancePaths(s).serverLog}:\n${tailLog(instancePaths(s).serverLog)}\n${tailLog(instancePaths(s).launcherLog, 10)}`,
      );
    }
    if (elapsed > START_TIMEOUT_MS) {
      throw new LakehouseError(`Trino did not become ready within ${START_TIMEOUT_MS / 1000} s. Last log lines:\n${tailLog(instancePaths(s).serverLog)}`);
    }
    const info = await fetchInfo(s);
    if (info && !info.starting) {
      const ok = await runQuery(connectionFor(s, "admin"), "SELECT count(*) AS active FROM system.runtime.nodes WHERE state = 'active'", {
        timeoutMs: 10_000,
      })
        .then((r) => Number(r.rows[0]?.active ?? 0) > 0)
        .catch(() => false);
      if (ok) return;
    }
    if (elapsed - lastReport >= 5000) {
      progress(`  waiting for Trino (${Math.round(elapsed / 1000)} s, ${info ? "starting" : "not answering yet"})`);
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

export async function start(s: InstanceSettings, progress: Progress = () => undefined): Promise<StartResult> {
  const java = findJava();
  const current = await status(s);
  if (current.running) {
    const info = await fetchInfo(s);
    if (info?.environment !== "pulse") {
      if (await answersPlainHttp(s)) {
        throw new LakehouseError(
          `the Trino running as pid ${current.pid} was started before this lakehouse used HTTPS and passwords; stop it with \`npm run lakehouse -- down${s.name === "test" ? " --instance test" : ""}\` and start again`,
        );
      }
      throw new LakehouseError(`pid ${current.pid} from ${instancePaths(s).pidFile} is alive but port ${s.port} does not answer as this lakehouse`);
    }
    refreshPasswordFile(s);
    await waitUntilReady(s, current.pid!, progress);
    return { alreadyRunning: true, startupMs: 0, downloadedBytes: 0, fromCache: true };
  }
  if (!(await portIsFree(s.port))) {
    throw new LakehouseError(
      `port ${s.port} on 127.0.0.1 is in use by another process; stop it or pick another port (PULSE_TRINO_PORT${s.name === "test" ? " / PULSE_TEST_TRINO_PORT" : ""})`,
    );
  }
  const limit = openFileLimit();
  if (limit !== undefined && limit < MIN_OPEN_FILES) {
    throw new LakehouseError(
      `Trino needs an open-file limit of at least ${MIN_OPEN_FILES} (the hard limit, ulimit -Hn, is ${limit}): raise it in /etc/security/limits.conf or the service manager`,
    );
  }
  const secrets = ensureSecrets(s, () => java);
  const dist = await ensureDistribution(progress);
  writeConfig(s, secrets.trino);
  progress(`starting Trino ${dist.home.split("-").pop()} on ${serverUrl(s)} with Java ${java.version}`);
  const t0 = Date.now();
  const res = launcher(dist.home, java, s, "start");
  const pid = readPid(s);
  if (!res.ok || pid === undefined) {
    throw new LakehouseError(`the Trino launcher failed: ${res.output}\n${tailLog(instancePaths(s).launcherLog, 20)}`);
  }
  await waitUntilReady(s, pid, progress);
  const startupMs = Date.now() - t0;
  progress(`Trino is up in ${(startupMs / 1000).toFixed(1)} s`);
  return { alreadyRunning: false, startupMs, downloadedBytes: dist.fromCache ? 0 : dist.downloadedBytes, fromCache: dist.fromCache };
}

export async function stop(s: InstanceSettings, progress: Progress = () => undefined): Promise<boolean> {
  const stopped = await stopRecordedServer("Trino", readPid(s), progress);
  if (stopped) fs.rmSync(instancePaths(s).pidFile, { force: true });
  return stopped;
}
