/**
 * Builds (when the sources changed) and runs the dashboard's production server as a child process,
 * for `npm start` and the benchmarks; the end-to-end tests use only the build step (Playwright's
 * webServer runs the same server itself, e2e/playwright.config.ts). The child gets the Trino settings
 * through its environment only. A crash of the starting process leaves nothing behind: the server
 * exits when its parent is gone (lib/server/parent-watch.ts), and with a pid file a later start stops
 * whatever an earlier one left, before it takes the port.
 */
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { toolsConfig } from "../../lib/config/tools";
import { portIsFree } from "../net/ports";
import { alive, readPidFile, stopPid, writePidFile } from "../process/pid-file";

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
  readonly child: ChildProcess;
  stop(): Promise<void>;
}

export interface DashboardOptions {
  readonly port: number;
  /** TRINO_URL and, for an HTTPS Trino with passwords, TRINO_USER, TRINO_PASSWORD, TRINO_CA_FILE. */
  readonly trino: Readonly<Record<string, string>>;
  readonly env?: Readonly<Record<string, string>>;
  readonly log: (line: string) => void;
  /** Where this dashboard's pid is kept; a server found there from an earlier run is stopped first. */
  readonly pidFile?: string;
}

/** Stops the dashboard an earlier, crashed run recorded in `pidFile`, if it is still there. */
async function stopLeftover(pidFile: string, log: (line: string) => void): Promise<void> {
  const pid = readPidFile(pidFile);
  if (pid !== undefined && alive(pid) && isNextServer(pid)) {
    log(`dashboard: stopping the server an earlier run left behind (pid ${pid})`);
    await stopPid(pid, 5_000);
  }
  fs.rmSync(pidFile, { force: true });
}

/** The server (next-server.ts, like `next start`) names its process `next-server (…)`: only such a process is ever stopped by pid. */
function isNextServer(pid: number): boolean {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("next");
  } catch {
    return false;
  }
}

/** Starts the dashboard server (next-server.ts) and resolves once this child (not another process on the port) answers HTTP. */
export async function startDashboard(o: DashboardOptions): Promise<DashboardHandle> {
  const url = `http://127.0.0.1:${o.port}`;
  if (o.pidFile) await stopLeftover(o.pidFile, o.log);
  if (!(await portIsFree(o.port))) {
    throw new Error(`port ${o.port} on 127.0.0.1 is in use by another program, so the dashboard cannot serve ${url}; stop it or choose another port`);
  }
  const child = spawn(process.execPath, dashboardServerArgs(o.port), {
    cwd: ROOT,
    env: {
      ...process.env,
      NEXT_TELEMETRY_DISABLED: "1",
      ...o.trino,
      PULSE_PUBLIC_URL: process.env.PULSE_PUBLIC_URL ?? url,
      PULSE_PARENT_PID: String(process.pid),
      ...o.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  if (o.pidFile && child.pid !== undefined) writePidFile(o.pidFile, child.pid);
  let exited: number | null = null;
  child.on("exit", (code) => {
    exited = code ?? 1;
    if (o.pidFile && readPidFile(o.pidFile) === child.pid) fs.rmSync(o.pidFile, { force: true });
  });
  const output = keepOutput(child, (line) => {
    if (/error|warn/i.test(line)) o.log(`dashboard: ${line.trim()}`);
  });
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exited !== null) throw new Error(`the dashboard exited during start-up (exit ${exited}):\n${output.join("\n")}`);
    try {
      const res = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(10_000) });
      // Checked again after the answer: a server that answered while ours was dying is not ours.
      if ((res.status === 200 || res.status === 503) && exited === null) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill("SIGTERM");
      throw new Error(`the dashboard did not answer on ${url} within 60 s:\n${output.join("\n")}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    child,
    stop: async () => {
      if (exited === null && child.pid !== undefined) await stopPid(child.pid, 5_000);
    },
  };
}
