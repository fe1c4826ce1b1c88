/**
 * One fault of the chaos soak: `kill -9` of a server or of the main command, and the time until it
 * is back. A server is back when npm start's supervisor reports it up again after a restart (its
 * status file, the same report /api/health and the nav show); the main command is restarted as a
 * user would, after USER_REACTION_MS, and is back once its live jobs run again.
 */
import path from "node:path";
import { type InstanceSettings, instancePaths } from "../../lib/lakehouse/settings";
import { readSupervisionStatus } from "../../lib/supervision/status";
import { postgresPid } from "../postgres/server";
import { alive, readPidFile } from "../process/pid-file";
import type { FaultKind } from "./fault-plan";
import type { MainProcess } from "./main-process";

/** How long the soak's "user" takes to notice the main command died and run npm start again. */
export const USER_REACTION_MS = 5_000;
const GIVE_UP_MS = 300_000;

export interface FaultOutcome {
  readonly kind: FaultKind;
  readonly atMs: number;
  readonly pid: number | null;
  /** From the kill until it is back; null if it was not back within GIVE_UP_MS (or not running). */
  readonly recoveryMs: number | null;
  readonly note: string;
}

const SUPERVISED_NAME: Record<Exclude<FaultKind, "main">, string> = { trino: "trino", postgres: "postgres", kafka: "kafka", dashboard: "dashboard" };

function serverPid(s: InstanceSettings, kind: Exclude<FaultKind, "main">): number | undefined {
  const p = instancePaths(s);
  if (kind === "trino") return readPidFile(p.pidFile);
  if (kind === "postgres") return postgresPid(s);
  if (kind === "kafka") return readPidFile(p.kafkaPidFile);
  return readPidFile(path.join(s.dir, "dashboard.pid"));
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function strikeServer(s: InstanceSettings, kind: Exclude<FaultKind, "main">): Promise<FaultOutcome> {
  const statusFile = instancePaths(s).supervisionFile;
  const name = SUPERVISED_NAME[kind];
  const pid = serverPid(s, kind);
  const atMs = Date.now();
  if (pid === undefined || !alive(pid)) return { kind, atMs, pid: null, recoveryMs: null, note: "was not running" };
  const before = readSupervisionStatus(statusFile)?.servers.find((x) => x.name === name)?.restarts ?? 0;
  process.kill(pid, "SIGKILL");
  while (Date.now() - atMs < GIVE_UP_MS) {
    await sleep(200);
    const st = readSupervisionStatus(statusFile);
    const entry = st?.servers.find((x) => x.name === name);
    if (st && entry && entry.state === "up" && entry.restarts > before && st.updatedAt > atMs) {
      return { kind, atMs, pid, recoveryMs: Date.now() - atMs, note: `restart ${entry.restarts}` };
    }
    if (entry?.state === "crash-loop") return { kind, atMs, pid, recoveryMs: null, note: `crash loop: ${entry.lastError ?? "?"}` };
  }
  return { kind, atMs, pid, recoveryMs: null, note: `not back within ${GIVE_UP_MS / 1000} s` };
}

async function strikeMain(main: MainProcess): Promise<FaultOutcome> {
  const pid = main.pid ?? null;
  const atMs = Date.now();
  main.kill();
  await sleep(USER_REACTION_MS);
  try {
    await main.start(GIVE_UP_MS);
    return { kind: "main", atMs, pid, recoveryMs: Date.now() - atMs, note: `restarted after ${USER_REACTION_MS / 1000} s, as a user would` };
  } catch (err) {
    return { kind: "main", atMs, pid, recoveryMs: null, note: err instanceof Error ? (err.message.split("\n")[0] ?? "") : String(err) };
  }
}

export function strike(kind: FaultKind, s: InstanceSettings, main: MainProcess): Promise<FaultOutcome> {
  return kind === "main" ? strikeMain(main) : strikeServer(s, kind);
}
