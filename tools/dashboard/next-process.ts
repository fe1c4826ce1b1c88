/**
 * Builds (when the sources changed) and runs the dashboard's production server as a child process,
 * for `npm start` and the benchmarks. The end-to-end tests use only the build step: Playwright's
 * webServer runs `next start` itself (e2e/playwright.config.ts). The child gets the Trino settings
 * through its environment only.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const ROOT = process.cwd();
const NEXT_BIN = path.join(ROOT, "node_modules", "next", "dist", "bin", "next");
const SOURCES = ["app", "components", "lib", "public", "next.config.js", "postcss.config.mjs", "package-lock.json", "tsconfig.json"];

function newestMtime(p: string): number {
  if (!fs.existsSync(p)) return 0;
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = st.mtimeMs;
  for (const e of fs.readdirSync(p)) max = Math.max(max, newestMtime(path.join(p, e)));
  return max;
}

/** Build output folder: `.next`, or PULSE_NEXT_DIST_DIR (next.config.js reads the same variable). */
export const distDir = () => process.env.PULSE_NEXT_DIST_DIR || ".next";

export function buildIsStale(): boolean {
  const id = path.join(ROOT, distDir(), "BUILD_ID");
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

export async function buildDashboard(log: (line: string) => void, force = false): Promise<void> {
  if (!force && !buildIsStale()) return log("dashboard build is up to date");
  const t0 = Date.now();
  log("building the dashboard (next build)…");
  await run(["build"], { ...process.env, NEXT_TELEMETRY_DISABLED: "1" }, log);
  log(`dashboard built in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

export interface DashboardHandle {
  readonly url: string;
  readonly child: ChildProcess;
  stop(): Promise<void>;
}

export interface DashboardOptions {
  readonly port: number;
  readonly trinoUrl: string;
  readonly env?: Readonly<Record<string, string>>;
  readonly log: (line: string) => void;
}

/** Starts `next start` and resolves once it answers HTTP. */
export async function startDashboard(o: DashboardOptions): Promise<DashboardHandle> {
  const url = `http://127.0.0.1:${o.port}`;
  const child = spawn(process.execPath, [NEXT_BIN, "start", "-p", String(o.port), "-H", "127.0.0.1"], {
    cwd: ROOT,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", TRINO_URL: o.trinoUrl, PULSE_PUBLIC_URL: process.env.PULSE_PUBLIC_URL ?? url, ...o.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let exited: number | null = null;
  child.on("exit", (code) => {
    exited = code ?? 1;
  });
  const output = keepOutput(child, (line) => {
    if (/error|warn/i.test(line)) o.log(`dashboard: ${line.trim()}`);
  });
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exited !== null) throw new Error(`the dashboard exited during start-up (exit ${exited}):\n${output.join("\n")}`);
    try {
      const res = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(10_000) });
      if (res.status === 200 || res.status === 503) break;
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
    stop: () =>
      new Promise<void>((resolve) => {
        if (exited !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
        setTimeout(() => child.kill("SIGKILL"), 5_000).unref();
      }),
  };
}
