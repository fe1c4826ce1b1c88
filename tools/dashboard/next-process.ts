/**
 * Builds (when the sources changed) and runs the dashboard's production server as a child process,
 * for `npm start` and the benchmarks; the end-to-end tests use only the build step (Playwright's
 * webServer runs the same server itself, e2e/playwright.config.ts). The child gets the Trino settings
 * through its environment only. A crash of the starting process leaves nothing behind for long:
 * without a pid file the server exits when its parent is gone (lib/server/parent-watch.ts); with one
 * it keeps serving for a grace period, and a later start adopts it or stops it (handover.ts).
 */
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { toolsConfig } from "../../lib/config/tools";
import { portFreeWithin } from "../net/ports";
import { followLog } from "../process/log-follow";
import { tailLog } from "../process/log-tail";
import { alive, readPidFile, stopPid, writePidFile } from "../process/pid-file";
import {
  adoptionRefusal,
  buildId,
  cacheFile,
  claimOwnership,
  logFile,
  ownerFile,
  readStartRecord,
  type StartRecord,
  settingsDigest,
  writeStartRecord,
} from "./handover";

const ROOT = process.cwd();
const NEXT_BIN = path.join(ROOT, "node_modules", "next", "dist", "bin", "next");

/** Node arguments that run the dashboard's HTTP server (next-server.ts: Next behind the poll cache) on `port`. */
export const dashboardServerArgs = (port: number) => [
  "--import",
  "tsx",
  path.join("tools", "dashboard", "next-server.ts"),
  "--port",
  String(port),
  "--hostname",
  "127.0.0.1",
];
const SOURCES = ["app", "components", "lib", "public", "next.config.ts", "postcss.config.mjs", "package-lock.json", "tsconfig.json"];

function newestMtime(p: string): number {
  if (!fs.existsSync(p)) return 0;
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = st.mtimeMs;
  for (const e of fs.readdirSync(p)) max = Math.max(max, newestMtime(path.join(p, e)));
  return max;
}

/** Build output folder: `.next`, or PULSE_NEXT_DIST_DIR (next.config.ts reads the same setting). */
export const distDir = () => toolsConfig().PULSE_NEXT_DIST_DIR;

export function buildIsStale(dir = distDir()): boolean {
  const id = path.join(ROOT, dir, "BUILD_ID");
  if (!fs.existsSync(id)) return true;
  const built = fs.statSync(id).mtimeMs;
  return SOURCES.some((s) => newestMtime(path.join(ROOT, s)) > built);
}

/** The child's last 40 output lines (for error messages), each line also shown to `onLine`. */
function keepOutput(child: ChildProcess, onLine: (line: string) => void): string[] {
  const tail: string[] = [];
  const onData = (buf: Buffer) => {
    for (const line of buf.toString().split("\n").filter(Boolean)) {
      tail.push(line);
      if (tail.length > 40) tail.shift();
      onLine(line);
    }
  };
  child.stdout?.on("data", onData);
  child.stderr?.on("data", onData);
  return tail;
}

function run(args: string[], env: NodeJS.ProcessEnv, log: (line: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [NEXT_BIN, ...args], { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
    const tail = keepOutput(child, (line) => {
      if (/error|✓ Compiled|Route \(app\)/i.test(line)) log(line.trim());
    });
    child.on("close", (code) => (code === 0 ? resolve() : reject(new Error(`next ${args[0]} failed (exit ${code}):\n${tail.join("\n")}`))));
  });
}

/** Builds into `dir` (next.config.ts reads it from PULSE_NEXT_DIST_DIR, which the child is given). */
export async function buildDashboard(log: (line: string) => void, dir = distDir()): Promise<void> {
  if (!buildIsStale(dir)) return log(`dashboard build in ${dir} is up to date`);
  const t0 = Date.now();
  log("building the dashboard (next build)…");
  await run(["build"], { ...process.env, NEXT_TELEMETRY_DISABLED: "1", PULSE_NEXT_DIST_DIR: dir }, log);
  log(`dashboard built in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

export interface DashboardHandle {
  readonly url: string;
  readonly pid: number;
  /** True when this start took over a server an earlier main command left running. */
  readonly adopted: boolean;
  alive(): boolean;
  stop(): Promise<void>;
}

export interface DashboardOptions {
  readonly port: number;
  /** TRINO_URL and, for an HTTPS Trino with passwords, TRINO_USER, TRINO_PASSWORD, TRINO_CA_FILE. */
  readonly trino: Readonly<Record<string, string>>;
  readonly env?: Readonly<Record<string, string>>;
  readonly log: (line: string) => void;
  /**
   * Where this dashboard's pid is kept. With it, the server's output goes to dashboard.log beside
   * it (followed here), the server outlives a crash of this process for a grace period, and a later
   * start adopts it when it runs the same build and settings, else stops it first (handover.ts).
   */
  readonly pidFile?: string;
}

/** The server (next-server.ts, like `next start`) names its process `next-server (…)`: only such a process is ever stopped by pid. */
function isNextServer(pid: number): boolean {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("next");
  } catch {
    return false;
  }
}

async function answersHealth(url: string, timeoutMs: number): Promise<boolean> {
  try {
    const res = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(timeoutMs) });
    await res.arrayBuffer();
    return res.status === 200 || res.status === 503;
  } catch {
    return false;
  }
}

/** What the server is given besides the start-up plumbing; its digest decides whether a later start may adopt it. */
const serverSettings = (o: DashboardOptions, url: string): Record<string, string> => ({
  ...o.trino,
  PULSE_PUBLIC_URL: process.env.PULSE_PUBLIC_URL ?? url,
  PULSE_NEXT_DIST_DIR: distDir(),
  ...o.env,
});

/**
 * The server an earlier, crashed run recorded in `pidFile`: adopted when it runs this build with
 * these settings on this port and answers; otherwise stopped. Returns the adopted handle, if any.
 */
async function adoptOrStopLeftover(
  o: DashboardOptions & { pidFile: string },
  url: string,
  wanted: Omit<StartRecord, "pid">,
): Promise<DashboardHandle | undefined> {
  const pid = readPidFile(o.pidFile);
  if (pid !== undefined && alive(pid) && isNextServer(pid)) {
    const refusal = adoptionRefusal(readStartRecord(o.pidFile), pid, wanted) ?? ((await answersHealth(url, 5_000)) ? null : "it does not answer");
    if (refusal === null) {
      claimOwnership(o.pidFile);
      o.log(`dashboard: took over the server an earlier run left serving (pid ${pid}); its viewers were not interrupted`);
      const stopFollowing = followLog(logFile(o.pidFile), (line) => reportLine(o, line));
      return {
        url,
        pid,
        adopted: true,
        alive: () => alive(pid),
        stop: async () => {
          stopFollowing();
          await stopPid(pid, 5_000);
        },
      };
    }
    o.log(`dashboard: stopping the server an earlier run left behind (pid ${pid}): ${refusal}`);
    await stopPid(pid, 5_000);
  }
  fs.rmSync(o.pidFile, { force: true });
  return undefined;
}

function reportLine(o: DashboardOptions, line: string): void {
  if (/error|warn|\[dashboard\]/i.test(line)) o.log(`dashboard: ${line.trim()}`);
}

/** Starts the dashboard server (next-server.ts), or adopts the one a crashed run left; resolves once this server (not another process on the port) answers HTTP. */
export async function startDashboard(o: DashboardOptions): Promise<DashboardHandle> {
  const url = `http://127.0.0.1:${o.port}`;
  const settings = serverSettings(o, url);
  const wanted = { port: o.port, build: buildId(path.join(ROOT, distDir())), settings: settingsDigest(settings) };
  if (o.pidFile) {
    const adopted = await adoptOrStopLeftover({ ...o, pidFile: o.pidFile }, url, wanted);
    if (adopted) return adopted;
  }
  // A dashboard the supervisor found dead a moment ago may not have let go of the port yet.
  if (!(await portFreeWithin(o.port, 5_000))) {
    throw new Error(`port ${o.port} on 127.0.0.1 is in use by another program, so the dashboard cannot serve ${url}; stop it or choose another port`);
  }
  if (o.pidFile) claimOwnership(o.pidFile);
  // With a pid file the output goes to a file: a pipe would break when this process dies, and the
  // server must keep running (and logging) until a restarted main command adopts it.
  const logPath = o.pidFile ? logFile(o.pidFile) : undefined;
  const logFd = logPath ? fs.openSync(logPath, "a") : undefined;
  const child = spawn(process.execPath, dashboardServerArgs(o.port), {
    cwd: ROOT,
    env: {
      ...process.env,
      NEXT_TELEMETRY_DISABLED: "1",
      ...settings,
      PULSE_PARENT_PID: String(process.pid),
      ...(o.pidFile ? { PULSE_DASHBOARD_OWNER_FILE: ownerFile(o.pidFile), PULSE_DASHBOARD_CACHE_FILE: cacheFile(o.pidFile) } : {}),
    },
    stdio: logFd === undefined ? ["ignore", "pipe", "pipe"] : ["ignore", logFd, logFd],
  });
  if (logFd !== undefined) fs.closeSync(logFd);
  const pid = child.pid;
  if (pid === undefined) throw new Error("the dashboard server could not be spawned");
  if (o.pidFile) {
    writePidFile(o.pidFile, pid);
    writeStartRecord(o.pidFile, { pid, ...wanted });
  }
  let exited: number | null = null;
  child.on("exit", (code) => {
    exited = code ?? 1;
    if (o.pidFile && readPidFile(o.pidFile) === pid) fs.rmSync(o.pidFile, { force: true });
  });
  const piped = logPath === undefined ? keepOutput(child, (line) => reportLine(o, line)) : [];
  const stopFollowing = logPath ? followLog(logPath, (line) => reportLine(o, line)) : () => undefined;
  const output = () => (logPath ? tailLog(logPath) : piped.join("\n"));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exited !== null) {
      stopFollowing();
      throw new Error(`the dashboard exited during start-up (exit ${exited}):\n${output()}`);
    }
    // Checked again after the answer: a server that answered while ours was dying is not ours.
    if ((await answersHealth(url, 10_000)) && exited === null) break;
    if (Date.now() > deadline) {
      stopFollowing();
      child.kill("SIGTERM");
      throw new Error(`the dashboard did not answer on ${url} within 60 s:\n${output()}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    pid,
    adopted: false,
    alive: () => exited === null && alive(pid),
    stop: async () => {
      stopFollowing();
      if (exited === null) await stopPid(pid, 5_000);
    },
  };
}
