/**
 * Initialises an instance's own PostgreSQL database cluster under its folder (postgres/data) and,
 * once it runs, its Pulse role and database. initdb runs once, the first time; the role and database
 * are checked at every start, so an interrupted first start completes on the next one.
 */
import fs from "node:fs";
import path from "node:path";
import { DB_NAME, DB_ROLES, ensureDbCredentials, SAFE_PASSWORD } from "../../lib/lakehouse/db-credentials";
import type { Progress } from "../../lib/lakehouse/migrate";
import { type InstanceSettings, instancePaths } from "../../lib/lakehouse/settings";
import { dbConfig, withDb } from "../../lib/ops-db/connection";
import { type PostgresBinaries, program } from "./binaries";
import { type DbOsUser, makeDbUserDir, runAsDbUser } from "./os-user";
import { INCLUDE_LINE, renderPostgresConfig } from "./pg-config";

export class ClusterError extends Error {
  override readonly name = "ClusterError";
}

export const clusterExists = (s: InstanceSettings) => fs.existsSync(path.join(instancePaths(s).pgData, "PG_VERSION"));

/** initdb, as the database's OS user, with a generated superuser password; false when the cluster exists. */
export function initCluster(s: InstanceSettings, bin: PostgresBinaries, user: DbOsUser, progress: Progress): boolean {
  const p = instancePaths(s);
  makeDbUserDir(user, p.pgDir);
  if (clusterExists(s)) {
    if (!fs.existsSync(p.pgCredentials)) {
      throw new ClusterError(
        `${p.pgCredentials} is missing, so nobody can log in to the cluster in ${p.pgData}; start afresh with 'npm run lakehouse -- reset --yes'`,
      );
    }
    return false;
  }
  if (fs.existsSync(p.pgData)) fs.rmSync(p.pgData, { recursive: true, force: true }); // a half-made one
  const creds = ensureDbCredentials(s);
  // initdb reads the superuser's password from a file it can open; it lives only while initdb runs.
  const pwFile = path.join(p.pgDir, ".initdb-password");
  fs.writeFileSync(pwFile, `${creds.superuser.password}\n`, { mode: 0o600 });
  if (user.switches) fs.chownSync(pwFile, user.uid, user.gid);
  progress(`initialising PostgreSQL ${bin.major} in ${p.pgData}`);
  try {
    const r = runAsDbUser(
      user,
      program(bin, "initdb"),
      [
        `--pgdata=${p.pgData}`,
        `--username=${DB_ROLES.superuser}`,
        `--pwfile=${pwFile}`,
        "--auth=scram-sha-256",
        "--encoding=UTF8",
        "--locale=C.UTF-8",
        "--no-instructions",
      ],
      p.pgDir,
    );
    if (!r.ok) throw new ClusterError(`initdb failed:\n${r.output.split("\n").slice(-15).join("\n")}`);
  } finally {
    fs.rmSync(pwFile, { force: true });
  }
  fs.appendFileSync(path.join(p.pgData, "postgresql.conf"), `\n# Pulse's settings (tools/postgres/pg-config.ts)\n${INCLUDE_LINE}\n`);
  return true;
}

/** Writes pulse.conf and pg_hba.conf into the data folder, owned by the database's OS user. */
export function writeClusterConfig(s: InstanceSettings, user: DbOsUser): void {
  const data = instancePaths(s).pgData;
  for (const [name, text] of Object.entries(renderPostgresConfig(s))) {
    const file = path.join(data, name);
    fs.writeFileSync(file, text, { mode: 0o600 });
    if (user.switches) fs.chownSync(file, user.uid, user.gid);
  }
}

/** Creates the owner role (with its generated password) and its database when missing. */
export async function ensureDatabase(s: InstanceSettings, progress: Progress): Promise<void> {
  const { owner } = ensureDbCredentials(s);
  // CREATE ROLE takes no bind parameters; the password is generated URL-safe base64, checked again here.
  if (!SAFE_PASSWORD.test(owner.password)) throw new ClusterError("the generated owner password has unexpected characters");
  await withDb(dbConfig(s, "superuser"), async (db) => {
    const role = await db.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [owner.user]);
    if (role.rowCount === 0) {
      progress(`  creating role ${owner.user}`);
      await db.query(`CREATE ROLE ${owner.user} LOGIN PASSWORD '${owner.password}'`);
    }
    const database = await db.query("SELECT 1 FROM pg_database WHERE datname = $1", [DB_NAME]);
    if (database.rowCount === 0) {
      progress(`  creating database ${DB_NAME}`);
      await db.query(`CREATE DATABASE ${DB_NAME} OWNER ${owner.user} ENCODING 'UTF8'`);
    }
  });
}
