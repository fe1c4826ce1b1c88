import fs from "node:fs";

/**
 * The dashboard's owner watch, the pure part (lib/server/parent-watch.ts runs it): who owns the
 * server now, and when an orphan must exit.
 */
export interface OwnerWatch {
  /** The pid that started this server (PULSE_PARENT_PID). */
  readonly parentPid: number;
  /** PULSE_DASHBOARD_OWNER_FILE: the current owner's pid; absent means the parent owns it for good. */
  readonly ownerFile?: string;
  /** How long an orphan waits for a new owner; 0 without an owner file. */
  readonly graceMs: number;
}

/** The owner now: the pid in the owner file, else the parent. */
export function currentOwner(w: OwnerWatch, readFile: (f: string) => string | undefined = readQuietly): number {
  const text = w.ownerFile ? readFile(w.ownerFile) : undefined;
  const pid = text === undefined ? Number.NaN : Number(text.trim());
  return Number.isInteger(pid) && pid > 0 ? pid : w.parentPid;
}

/**
 * One check: the time since the server became an orphan (null while its owner lives), and whether
 * it must exit now. Pure, for tests; `orphanSince` is the previous check's answer.
 */
export function orphanCheck(orphanSince: number | null, ownerAlive: boolean, nowMs: number, graceMs: number): { orphanSince: number | null; exit: boolean } {
  if (ownerAlive) return { orphanSince: null, exit: false };
  const since = orphanSince ?? nowMs;
  return { orphanSince: since, exit: nowMs - since >= graceMs };
}

function readQuietly(file: string): string | undefined {
  try {
    return fs.readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
}
