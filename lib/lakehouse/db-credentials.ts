/**
 * Passwords of an instance's PostgreSQL roles. They are generated when its database cluster is first
 * initialised and kept in the instance folder (outside git) in a file only its owner may read (mode
 * 0600); nothing else stores them. Trino receives the catalog user's through its environment
 * (tools/trino/server.ts), so no Trino configuration file holds a secret.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { type InstanceSettings, instancePaths } from "./settings";

/** The database holding the Iceberg catalog's tables and Pulse's operational schema. */
export const DB_NAME = "pulse";

/**
 * `superuser` only creates the owner role and its database; everything else (Trino's catalog,
 * Pulse's migrations) connects as `owner`, which owns the database and nothing beyond it.
 */
export const DB_ROLES = { superuser: "postgres", owner: "pulse" } as const;
export type DbRole = keyof typeof DB_ROLES;

export interface DbLogin {
  readonly user: string;
  readonly password: string;
}
export type DbCredentials = Readonly<Record<DbRole, DbLogin>>;

export class DbCredentialsError extends Error {
  override readonly name = "DbCredentialsError";
}

/** 32 random bytes, URL-safe base64: no quote or backslash, so it can sit in a SQL literal. */
const newPassword = () => randomBytes(32).toString("base64url");
export const SAFE_PASSWORD = /^[A-Za-z0-9_-]{20,}$/;

export function loadDbCredentials(s: InstanceSettings): DbCredentials {
  const file = instancePaths(s).pgCredentials;
  if (!fs.existsSync(file)) {
    throw new DbCredentialsError(`${file} is missing: the PostgreSQL of instance '${s.name}' has not been initialised (run \`npm run lakehouse -- up\`)`);
  }
  const parsed = JSON.parse(fs.readFileSync(file, "utf8")) as Partial<DbCredentials>;
  for (const role of Object.keys(DB_ROLES) as DbRole[]) {
    const login = parsed[role];
    if (login?.user !== DB_ROLES[role] || !SAFE_PASSWORD.test(login.password ?? "")) throw new DbCredentialsError(`${file} has no valid ${role} login`);
  }
  return parsed as DbCredentials;
}

/** The instance's credentials, generated on first call; the file is created with mode 0600 and never rewritten. */
export function ensureDbCredentials(s: InstanceSettings): DbCredentials {
  const file = instancePaths(s).pgCredentials;
  if (fs.existsSync(file)) return loadDbCredentials(s);
  const creds: DbCredentials = {
    superuser: { user: DB_ROLES.superuser, password: newPassword() },
    owner: { user: DB_ROLES.owner, password: newPassword() },
  };
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  // "wx": never overwrite a file another process has just written.
  fs.writeFileSync(file, `${JSON.stringify(creds, null, 2)}\n`, { mode: 0o600, flag: "wx" });
  return creds;
}
