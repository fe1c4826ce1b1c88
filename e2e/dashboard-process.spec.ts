/**
 * A crash of the main command costs the viewers nothing and leaves nothing behind: after `kill -9` of
 * the process that started the dashboard, the server keeps answering, and the next start takes it
 * over (same build, same settings) or replaces it; with no new start it exits after its grace
 * period. Runs the built dashboard (the e2e build) through tools/testing/dashboard-main.ts, which
 * starts it exactly as `npm start` does.
 */
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test } from "@playwright/test";
import { bindSql } from "../lib/trino/bind";
import { loadStatement } from "../lib/trino/sql-files";
import { processStartedAt } from "../tools/bench/live/server-process";
import { E2E_CRASH_PORT, E2E_DIST_DIR } from "./e2e-settings";

const PORT = E2E_CRASH_PORT;
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
// The e2e suite's build (tools/testing/run-tests.ts builds it before the suite runs).
const DIST_DIR = E2E_DIST_DIR;

interface Main {
  readonly proc: ChildProcess;
  readonly serverPid: number;
}

/** Each main process's stderr and how it ended, by pid: what a failure message quotes. */
const mainOutput = new Map<number, { err: string; end?: string }>();

/** Starts a main process and waits for its `ready <url> <pid>` line. */
function startMain(pidFile: string, env: Record<string, string> = {}): Promise<Main> {
  const proc = spawn(process.execPath, ["--import", "tsx", "tools/testing/dashboard-main.ts", String(PORT), pidFile], {
    cwd: ROOT,
    env: { ...process.env, PULSE_NEXT_DIST_DIR: DIST_DIR, PULSE_DASHBOARD_PORT: String(PORT), ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  return new Promise((resolve, reject) => {
    let out = "";
    const record: { err: string; end?: string } = { err: "" };
    if (proc.pid !== undefined) mainOutput.set(proc.pid, record);
    proc.stdout?.on("data", (b: Buffer) => {
      out += b.toString();
      const m = /ready (\S+) (\d+)/.exec(out);
      if (m) resolve({ proc, serverPid: Number(m[2]) });
    });
    proc.stderr?.on("data", (b: Buffer) => {
      record.err += b.toString();
    });
    proc.on("exit", (code, signal) => {
      record.end = `exit ${code ?? "-"}, signal ${signal ?? "-"}, at ${new Date().toISOString()}`;
      reject(new Error(`main exited (${code}) before ready:\n${record.err}`));
    });
  });
}

/** Every live next-server process that was started for PORT (its environment says so). */
function dashboardPids(): number[] {
  const pids: number[] = [];
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const comm = fs.readFileSync(`/proc/${entry}/comm`, "utf8");
      const env = fs.readFileSync(`/proc/${entry}/environ`, "utf8").split("\0");
      if (comm.startsWith("next-server") && env.includes(`PULSE_DASHBOARD_PORT=${PORT}`)) pids.push(Number(entry));
    } catch {
      // the process ended while we looked
    }
  }
  return pids.sort((a, b) => a - b);
}

/** Pid, age and command line of a process, for a failure message. */
function describeProcess(pid: number): string {
  const startedAt = processStartedAt(pid);
  try {
    const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").join(" ");
    const age = startedAt === undefined ? "age unknown" : `${((Date.now() - startedAt) / 1000).toFixed(1)} s old`;
    return `pid ${pid} (${age}): ${cmd}`;
  } catch {
    return `pid ${pid} (ended while described)`;
  }
}

async function waitFor(check: () => boolean, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return check();
}

async function healthStatus(): Promise<number> {
  return (await fetch(`http://127.0.0.1:${PORT}/api/health`)).status;
}

test.describe("the dashboard process after a crash", () => {
  test.describe.configure({ mode: "serial", timeout: 120_000 });
  let pidFile: string;
  const mains: ChildProcess[] = [];

  test.beforeEach(() => {
    pidFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "pulse-crash-")), "dashboard.pid");
    expect(dashboardPids()).toEqual([]);
  });

  // A server that outlives its main process's SIGTERM (which stops it within 5 s, then SIGKILLs it)
  // fails the test that left it, with what it was, instead of the next test's start.
  test.afterEach(async () => {
    const ended = mains.splice(0);
    const signalledAt = new Date().toISOString();
    for (const m of ended) m.kill("SIGTERM");
    if (await waitFor(() => dashboardPids().length === 0, 15_000)) return;
    const left = dashboardPids().map(describeProcess);
    for (const pid of dashboardPids()) process.kill(pid, "SIGKILL");
    const mainsSaid = ended.map((m) => {
      const o = m.pid === undefined ? undefined : mainOutput.get(m.pid);
      return `main pid ${m.pid} (${o?.end ?? "still running"}), stderr:\n${o?.err.trim() || "(nothing)"}`;
    });
    throw new Error(
      `dashboard servers still running 15 s after their main process's SIGTERM (sent ${signalledAt}):\n${left.join("\n")}\n${mainsSaid.join("\n")}`,
    );
  });

  test("kill -9 of the main process: the dashboard keeps answering, and a new start takes it over", async () => {
    const first = await startMain(pidFile);
    mains.push(first.proc);
    expect(dashboardPids()).toEqual([first.serverPid]);
    first.proc.kill("SIGKILL");
    // Orphaned, it still serves (Trino is not there: the stand-in points at port 9, so health is a 503).
    await new Promise((r) => setTimeout(r, 2_500));
    expect(await healthStatus()).toBe(503);

    const second = await startMain(pidFile);
    mains.push(second.proc);
    expect(second.serverPid).toBe(first.serverPid);
    expect(dashboardPids()).toEqual([first.serverPid]);
    expect(fs.readFileSync(path.join(path.dirname(pidFile), "dashboard.owner"), "utf8").trim()).toBe(String(second.proc.pid));
    expect(await healthStatus()).toBe(503);
  });

  test("a restarted dashboard answers from the results it kept on disk, marked stale, before Trino answers", async () => {
    // What a crashed server left in its snapshot (lib/server/cache-snapshot.ts): the categories, read a minute ago.
    const sql = bindSql(loadStatement(path.join(ROOT, "sql", "queries"), "categories", "lakehouse"), {});
    const entry = { key: sql, value: { data: ["Gaming", "Music"], watermark: null, sql, version: "d1" }, fetchedAt: Date.now() - 60_000 };
    fs.writeFileSync(path.join(path.dirname(pidFile), "dashboard-cache.json"), JSON.stringify({ format: 1, savedAt: Date.now(), entries: [entry] }));
    const main = await startMain(pidFile);
    mains.push(main.proc);
    // Trino is not there (the stand-in points at port 9): without the snapshot this is a 503.
    const res = await fetch(`http://127.0.0.1:${PORT}/api/categories`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { data: string[]; meta: { stale: boolean; ageSeconds: number } };
    expect(body.data).toEqual(["Gaming", "Music"]);
    expect(body.meta.stale).toBe(true);
    expect(body.meta.ageSeconds).toBeGreaterThanOrEqual(60);
    // A statement it kept nothing of still fails as before.
    expect((await fetch(`http://127.0.0.1:${PORT}/api/daily/coverage`)).status).toBe(503);
  });

  test("a server of another build is not taken over: the new start replaces it", async () => {
    const first = await startMain(pidFile);
    mains.push(first.proc);
    first.proc.kill("SIGKILL");
    const record = path.join(path.dirname(pidFile), "dashboard.json");
    fs.writeFileSync(record, fs.readFileSync(record, "utf8").replace(/"build":"[^"]*"/, '"build":"an-older-build"'));

    const second = await startMain(pidFile);
    mains.push(second.proc);
    expect(second.serverPid).not.toBe(first.serverPid);
    expect(dashboardPids()).toEqual([second.serverPid]);
    expect(fs.readFileSync(pidFile, "utf8").trim()).toBe(String(second.serverPid));
  });

  test("an orphaned dashboard that nobody takes over exits after its grace period", async () => {
    const main = await startMain(pidFile, { PULSE_DASHBOARD_ORPHAN_GRACE_SECONDS: "2" });
    main.proc.kill("SIGKILL");
    expect(dashboardPids()).toHaveLength(1);
    expect(await waitFor(() => dashboardPids().length === 0, 8_000)).toBe(true);
  });

  test("a dashboard left in the pid file by an earlier run is stopped before the port is taken", async () => {
    // A server as a crashed older run would have left it: started without a parent to watch.
    const leftover = spawn(process.execPath, [path.join(ROOT, "node_modules/next/dist/bin/next"), "start", "-p", String(PORT), "-H", "127.0.0.1"], {
      cwd: ROOT,
      env: { ...process.env, PULSE_NEXT_DIST_DIR: DIST_DIR, PULSE_DASHBOARD_PORT: String(PORT), PULSE_PARENT_PID: "" },
      stdio: "ignore",
      detached: true,
    });
    leftover.unref();
    expect(await waitFor(() => dashboardPids().length === 1, 30_000)).toBe(true);
    fs.writeFileSync(pidFile, `${leftover.pid}\n`);
    await expect.poll(async () => healthStatus().catch(() => 0), { timeout: 30_000 }).toBe(503);

    const main = await startMain(pidFile);
    mains.push(main.proc);
    expect(dashboardPids()).toEqual([main.serverPid]);
    expect(main.serverPid).not.toBe(leftover.pid);
  });

  test("a port held by another program is refused clearly, and no URL is announced", async () => {
    const net = await import("node:net");
    const blocker = net.createServer().listen(PORT, "127.0.0.1");
    await new Promise((r) => blocker.once("listening", r));
    try {
      await expect(startMain(pidFile)).rejects.toThrow(`port ${PORT} on 127.0.0.1 is in use by another program`);
      expect(dashboardPids()).toEqual([]);
    } finally {
      blocker.close();
    }
  });
});
