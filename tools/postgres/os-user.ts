/**
 * The operating-system user PostgreSQL runs as. initdb, pg_ctl and postgres refuse to run as root,
 * so when Pulse runs as root they run as Debian's `postgres` system user (created by the package)
 * through `runuser`; otherwise as the current user. The instance's postgres/ folder belongs to that
 * user, and PostgreSQL insists its data folder is private to it (mode 0700).
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const SYSTEM_USER = "postgres";

export interface DbOsUser {
  readonly name: string;
  readonly uid: number;
  readonly gid: number;
  /** True when Pulse is root and switches to `name` for every PostgreSQL program. */
  readonly switches: boolean;
}

export class DbOsUserError extends Error {
  override readonly name = "DbOsUserError";
}

const isRoot = () => typeof process.getuid === "function" && process.getuid() === 0;

export function dbOsUser(): DbOsUser {
  if (!isRoot()) {
    const me = os.userInfo();
    return { name: me.username, uid: me.uid, gid: me.gid, switches: false };
  }
  const r = spawnSync("getent", ["passwd", SYSTEM_USER], { encoding: "utf8" });
  const [, , uid, gid] = (r.stdout ?? "").trim().split(":");
  if (r.status !== 0 || uid === undefined || gid === undefined) {
    throw new DbOsUserError(
      `PostgreSQL refuses to run as root and there is no '${SYSTEM_USER}' system user to run it as (Debian's postgresql package creates it): reinstall it with apt-get install --reinstall postgresql, or run Pulse as an ordinary user`,
    );
  }
  return { name: SYSTEM_USER, uid: Number(uid), gid: Number(gid), switches: true };
}

export interface RunResult {
  readonly ok: boolean;
  readonly output: string;
}

/** Runs a PostgreSQL program as the database's OS user, from `cwd` (a folder that user can enter). */
export function runAsDbUser(user: DbOsUser, cmd: string, args: readonly string[], cwd: string): RunResult {
  const [file, argv] = user.switches ? ["runuser", ["-u", user.name, "--", cmd, ...args]] : [cmd, [...args]];
  const r = spawnSync(file, argv, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, LC_ALL: "C.UTF-8" } });
  return { ok: r.status === 0, output: `${r.stdout ?? ""}${r.stderr ?? ""}${r.error ? r.error.message : ""}`.trim() };
}

/** Creates `dir` private to the database's OS user; refuses clearly when that user cannot reach it. */
export function makeDbUserDir(user: DbOsUser, dir: string): void {
  // Parents with the usual mode (a recursive mkdir would make them 0700 too, closing them to that user).
  fs.mkdirSync(path.dirname(dir), { recursive: true });
  fs.mkdirSync(dir, { recursive: true });
  if (user.switches) fs.chownSync(dir, user.uid, user.gid);
  fs.chmodSync(dir, 0o700);
  if (!runAsDbUser(user, "test", ["-w", dir, "-a", "-x", dir], "/").ok) {
    throw new DbOsUserError(
      `the '${user.name}' user cannot write ${dir}: every folder above it must be searchable by it (chmod o+x), or set PULSE_LAKEHOUSE_DIR to a folder it can reach`,
    );
  }
}
