/**
 * `npm start` as the soak runs it: `scripts/pulse.ts` in the soak's environment, its output
 * appended to main.log (a file, so it survives the process). `start` resolves once the live jobs
 * run ("running; press Ctrl-C"), a restarted one having taken over the servers and the dashboard.
 */
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import { REPO_ROOT } from "../../lib/config/env-files";

const READY_LINE = "running; press Ctrl-C to stop";

export class MainProcess {
  private child: ChildProcess | undefined;

  constructor(
    private readonly logFile: string,
    private readonly env: Record<string, string>,
  ) {}

  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** Starts it and resolves once its live jobs run; rejects if it exits first or takes over `timeoutMs`. */
  async start(timeoutMs = 600_000): Promise<number> {
    const from = fs.existsSync(this.logFile) ? fs.statSync(this.logFile).size : 0;
    const fd = fs.openSync(this.logFile, "a");
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/pulse.ts"], {
      cwd: REPO_ROOT,
      env: { ...process.env, ...this.env },
      stdio: ["ignore", fd, fd],
    });
    fs.closeSync(fd);
    this.child = child;
    let exited: number | null = null;
    child.on("exit", (code, signal) => {
      exited = code ?? (signal ? 128 : 1);
    });
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (this.logSince(from).includes(READY_LINE)) return child.pid ?? 0;
      if (exited !== null) throw new Error(`npm start exited (${exited}) before its jobs ran:\n${this.logSince(from).split("\n").slice(-30).join("\n")}`);
      if (Date.now() > deadline) throw new Error(`npm start did not reach its jobs within ${timeoutMs / 1000} s (see ${this.logFile})`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  /** kill -9: no shutdown of anything it started. */
  kill(): void {
    this.child?.kill("SIGKILL");
    this.child = undefined;
  }

  /** Ctrl-C as a user stops it: jobs finish, the dashboard and the servers stop. */
  async stop(timeoutMs = 120_000): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const done = new Promise<void>((r) => child.once("exit", () => r()));
    child.kill("SIGINT");
    await Promise.race([done, new Promise((r) => setTimeout(r, timeoutMs))]);
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  }

  private logSince(offset: number): string {
    try {
      const fd = fs.openSync(this.logFile, "r");
      try {
        const size = fs.fstatSync(fd).size;
        const buf = Buffer.alloc(Math.max(0, size - offset));
        fs.readSync(fd, buf, 0, buf.length, offset);
        return buf.toString("utf8");
      } finally {
        fs.closeSync(fd);
      }
    } catch {
      return "";
    }
  }
}
