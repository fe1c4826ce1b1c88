/**
 * Runs Trino's own `bin/launcher` for one node (the coordinator or a worker) of an instance: its etc/
 * and data dir, the JDK, and the secrets Trino reads from its environment (${ENV:...} in the catalog
 * file), so no file under etc/ holds the catalog database's password or the S3 key pair.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { loadDbCredentials } from "../../lib/lakehouse/db-credentials";
import { s3Env } from "../../lib/lakehouse/s3-credentials";
import type { InstanceSettings, StorageProfile } from "../../lib/lakehouse/settings";
import { CATALOG_PASSWORD_ENV } from "./catalog-config";
import type { JavaHome } from "./java";

export const MIN_OPEN_FILES = 4096;

/** The open-file limit Trino will get: the launcher raises its soft limit to the hard one (see `runLauncher`). */
export function openFileLimit(): number | undefined {
  const r = spawnSync("sh", ["-c", "ulimit -Hn"], { encoding: "utf8" });
  const n = Number(r.stdout.trim());
  return r.stdout.trim() === "unlimited" ? Infinity : Number.isFinite(n) ? n : undefined;
}

export interface NodeDirs {
  readonly etc: string;
  readonly data: string;
}

export function runLauncher(
  home: string,
  java: JavaHome,
  s: InstanceSettings,
  storage: StorageProfile,
  dirs: NodeDirs,
  command: "start" | "stop",
): { ok: boolean; output: string } {
  // Trino refuses to start below 4096 open files; a shell's default soft limit is often 1024, so the
  // launcher runs with its soft limit raised to the hard one, and nobody has to type `ulimit` first.
  const raised = 'ulimit -n "$(ulimit -Hn)" 2>/dev/null; exec "$0" "$@"';
  const r = spawnSync("sh", ["-c", raised, path.join(home, "bin", "launcher"), command, `--etc-dir=${dirs.etc}`, `--data-dir=${dirs.data}`], {
    env: {
      ...process.env,
      JAVA_HOME: java.home,
      PATH: `${java.home}/bin:${process.env.PATH ?? ""}`,
      [CATALOG_PASSWORD_ENV]: loadDbCredentials(s).owner.password,
      ...(storage === "s3" ? s3Env(s) : {}),
    },
    encoding: "utf8",
  });
  return { ok: r.status === 0, output: `${r.stdout ?? ""}${r.stderr ?? ""}`.trim() };
}
