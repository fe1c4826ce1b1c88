/**
 * Taking over a running dashboard after the main command that started it died (`kill -9`, OOM):
 * the server keeps serving its viewers (lib/server/parent-watch.ts gives it a grace period) and
 * the next `npm start` adopts it instead of replacing it, so a restart of the main command costs
 * the viewers nothing. Only a server started for the same port, build and settings is adopted;
 * any other is stopped and a new one started, as before.
 *
 * Files beside the dashboard's pid file: `dashboard.json` (what the server was started with) and
 * `dashboard.owner` (the pid of the main command that owns it now, which the server watches).
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";

const StartRecord = z.object({ pid: z.number().int().positive(), port: z.number().int(), build: z.string(), settings: z.string() });
export type StartRecord = z.infer<typeof StartRecord>;

export const recordFile = (pidFile: string) => path.join(path.dirname(pidFile), "dashboard.json");
export const ownerFile = (pidFile: string) => path.join(path.dirname(pidFile), "dashboard.owner");
export const logFile = (pidFile: string) => path.join(path.dirname(pidFile), "dashboard.log");
/** The server's result cache on disk (lib/server/cache-snapshot.ts): a restarted server answers from it at once. */
export const cacheFile = (pidFile: string) => path.join(path.dirname(pidFile), "dashboard-cache.json");

/** The build the server runs: its BUILD_ID, or "" without a build. */
export function buildId(distDirPath: string): string {
  try {
    return fs.readFileSync(path.join(distDirPath, "BUILD_ID"), "utf8").trim();
  } catch {
    return "";
  }
}

/** A digest of the settings the server is given (secrets included, so only the digest is stored). */
export function settingsDigest(env: Readonly<Record<string, string>>): string {
  const sorted = Object.keys(env)
    .sort()
    .map((k) => `${k}=${env[k]}`)
    .join("\n");
  return createHash("sha256").update(sorted).digest("hex");
}

export function writeStartRecord(pidFile: string, r: StartRecord): void {
  const file = recordFile(pidFile);
  fs.writeFileSync(`${file}.tmp`, `${JSON.stringify(r)}\n`);
  fs.renameSync(`${file}.tmp`, file);
}

export function readStartRecord(pidFile: string): StartRecord | undefined {
  try {
    return StartRecord.parse(JSON.parse(fs.readFileSync(recordFile(pidFile), "utf8")));
  } catch {
    return undefined;
  }
}

/** Why the recorded server cannot be adopted for `wanted`, or null when it can (liveness is the caller's). */
export function adoptionRefusal(recorded: StartRecord | undefined, pid: number, wanted: Omit<StartRecord, "pid">): string | null {
  if (!recorded || recorded.pid !== pid) return "it has no start record";
  if (recorded.port !== wanted.port) return `it serves port ${recorded.port}, not ${wanted.port}`;
  if (recorded.build !== wanted.build) return "it runs an older build";
  if (recorded.settings !== wanted.settings) return "it was started with other settings";
  return null;
}

/** Makes this process the server's owner: the server stops counting down to its exit. */
export function claimOwnership(pidFile: string, ownerPid = process.pid): void {
  const file = ownerFile(pidFile);
  fs.writeFileSync(`${file}.tmp`, `${ownerPid}\n`);
  fs.renameSync(`${file}.tmp`, file);
}
