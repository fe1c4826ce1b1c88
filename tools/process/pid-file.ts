/**
 * Pid files of the servers Pulse starts, so that a later run finds and stops what a crashed one left.
 * Only processes recorded by Pulse itself are ever signalled.
 */
import fs from "node:fs";
import path from "node:path";

export function readPidFile(file: string): number | undefined {
  try {
    const pid = Number(fs.readFileSync(file, "utf8").trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

export function writePidFile(file: string, pid: number): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${pid}\n`);
}

/**
 * Whether the process runs. A zombie (dead, not yet reaped by its parent) does not: a server whose
 * starter died is re-parented, and until its new parent reaps it, signal 0 still reaches it.
 */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  return !isZombie(pid);
}

/**
 * Resolves once a dead process's pid is gone from the process table (its zombie reaped by its new
 * parent), or after `timeoutMs`. For a server whose own start refuses while its old pid answers
 * signal 0 (PostgreSQL's postmaster.pid check), and whose lock file must not simply be deleted.
 */
export async function untilReaped(pid: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

function isZombie(pid: number): boolean {
  try {
    // /proc/<pid>/stat: "pid (comm) state ..."; comm may hold spaces and parentheses, so read after the last ")".
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3) === "Z";
  } catch {
    return false;
  }
}

/** How a process is asked to stop, and how it is made to when it does not within the grace period. */
export interface StopSignals {
  readonly ask: NodeJS.Signals;
  readonly force: NodeJS.Signals;
}
const TERM_THEN_KILL: StopSignals = { ask: "SIGTERM", force: "SIGKILL" };

/** `signals.ask`, then `signals.force` after `graceMs` (telling `onForce`); resolves once the process is gone. */
export async function stopPid(pid: number, graceMs: number, signals: StopSignals = TERM_THEN_KILL, onForce?: () => void): Promise<void> {
  if (!alive(pid)) return;
  process.kill(pid, signals.ask);
  const deadline = Date.now() + graceMs;
  while (alive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  if (alive(pid)) {
    onForce?.();
    process.kill(pid, signals.force);
  }
  while (alive(pid)) await new Promise((r) => setTimeout(r, 50));
}

/**
 * Stops a server by the pid its own pid file recorded, saying so in one line per step; false when
 * it was not running. The launchers of Trino and PostgreSQL share it.
 */
export async function stopRecordedServer(
  label: string,
  pid: number | undefined,
  progress: (message: string) => void,
  signals: StopSignals = TERM_THEN_KILL,
  graceMs = 30_000,
): Promise<boolean> {
  if (pid === undefined || !alive(pid)) {
    progress(`${label} is not running`);
    return false;
  }
  progress(`stopping ${label} (pid ${pid})`);
  await stopPid(pid, graceMs, signals, () => progress(`${label} did not stop within ${graceMs / 1000} s; sending ${signals.force}`));
  return true;
}
