/**
 * Attach mode: Pulse on a lakehouse it does not run. When PULSE_ATTACH_TRINO_URL is set, the
 * commands start no Trino, PostgreSQL or simulator; they reach that Trino over HTTPS with the users
 * and passwords the settings give, one for every role (PULSE_ATTACH_USER) or one per role
 * (PULSE_ATTACH_ADMIN_USER, ...). The credentials stay in this process and in the dashboard server's
 * environment, as for a local instance (lib/lakehouse/dashboard-env.ts).
 */
import fs from "node:fs";
import type { ToolsConfig } from "../config/tools";
import { bindSql } from "../trino/bind";
import { runQuery, type TrinoConnection, TrinoQueryError } from "../trino/client";
import { loadStatement } from "../trino/sql-files";
import { ATTACH_SQL_DIR } from "./attach-migrate";
import type { Role } from "./settings";

export interface AttachLogin {
  readonly user: string;
  readonly password: string;
}

export interface AttachTarget {
  readonly url: string;
  readonly catalog: string;
  /** The PEM file to trust, as configured (the dashboard server gets the path, the tools its text). */
  readonly caFile: string | undefined;
  readonly logins: Readonly<Record<Role, AttachLogin>>;
  /** Settings' N of the velocity views, as for a local instance. */
  readonly velocityWindowMinutes: number;
  readonly maintenanceRetention: string;
}

export class AttachError extends Error {
  override readonly name = "AttachError";
}

const ROLE_VARIABLES = {
  admin: ["PULSE_ATTACH_ADMIN_USER", "PULSE_ATTACH_ADMIN_PASSWORD"],
  writer: ["PULSE_ATTACH_WRITER_USER", "PULSE_ATTACH_WRITER_PASSWORD"],
  dashboard: ["PULSE_ATTACH_DASHBOARD_USER", "PULSE_ATTACH_DASHBOARD_PASSWORD"],
} as const satisfies Record<Role, readonly [keyof ToolsConfig, keyof ToolsConfig]>;

/**
 * A role's own user and password when both are set, else the shared pair. A user without its
 * password is refused: Trino with password authentication would answer 401 anyway, later and less clearly.
 */
function loginFor(config: ToolsConfig, role: Role): AttachLogin {
  const [userVar, passwordVar] = ROLE_VARIABLES[role];
  const own = { user: config[userVar] as string | undefined, password: config[passwordVar] as string | undefined };
  if (own.user !== undefined || own.password !== undefined) {
    if (own.user === undefined || own.password === undefined) throw new AttachError(`attach mode: set both ${userVar} and ${passwordVar}, or neither`);
    return { user: own.user, password: own.password };
  }
  if (config.PULSE_ATTACH_USER === undefined || config.PULSE_ATTACH_PASSWORD === undefined) {
    throw new AttachError(`attach mode: no login for the ${role} role; set PULSE_ATTACH_USER and PULSE_ATTACH_PASSWORD, or ${userVar} and ${passwordVar}`);
  }
  return { user: config.PULSE_ATTACH_USER, password: config.PULSE_ATTACH_PASSWORD };
}

/** The attached lakehouse the settings name, or undefined when PULSE_ATTACH_TRINO_URL is unset (Pulse runs its own). */
export function attachTarget(config: ToolsConfig): AttachTarget | undefined {
  const url = config.PULSE_ATTACH_TRINO_URL;
  if (url === undefined) return undefined;
  const caFile = config.PULSE_ATTACH_CA_FILE;
  if (caFile !== undefined && !fs.existsSync(caFile)) throw new AttachError(`PULSE_ATTACH_CA_FILE=${caFile} does not exist`);
  return {
    url: url.replace(/\/+$/, ""),
    catalog: config.PULSE_ATTACH_CATALOG,
    caFile,
    logins: { admin: loginFor(config, "admin"), writer: loginFor(config, "writer"), dashboard: loginFor(config, "dashboard") },
    velocityWindowMinutes: config.PULSE_VELOCITY_WINDOW_MINUTES,
    maintenanceRetention: config.PULSE_ATTACH_MAINTENANCE_RETENTION,
  };
}

export function attachConnection(t: AttachTarget, role: Role): TrinoConnection {
  const { user, password } = t.logins[role];
  return {
    server: t.url,
    user,
    password,
    ...(t.caFile ? { ca: fs.readFileSync(t.caFile, "utf8") } : {}),
    catalog: t.catalog,
    source: `pulse-${role}`,
  };
}

/** What the dashboard server gets in its environment: the same variables a local instance passes. */
export function attachDashboardEnv(t: AttachTarget): Record<string, string> {
  const { user, password } = t.logins.dashboard;
  return {
    TRINO_URL: t.url,
    TRINO_USER: user,
    TRINO_PASSWORD: password,
    TRINO_CATALOG: t.catalog,
    ...(t.caFile ? { TRINO_CA_FILE: t.caFile } : {}),
  };
}

/**
 * Fails with one clear sentence when the attached Trino cannot serve `role`: unreachable, an
 * untrusted certificate or a refused login (the client's TrinoUnavailableError says which), or a
 * catalog that does not exist or that this user may not see (Trino's access control hides those
 * alike, so the message names both).
 */
export async function checkAttached(t: AttachTarget, role: Role): Promise<void> {
  const conn = attachConnection(t, role);
  let found: number;
  try {
    const res = await runQuery<{ n: number }>(conn, bindSql(loadStatement(ATTACH_SQL_DIR, "catalog_exists"), { catalog: t.catalog }), { timeoutMs: 30_000 });
    found = Number(res.rows[0]?.n ?? 0);
  } catch (err) {
    if (err instanceof TrinoQueryError) throw new AttachError(`Trino at ${t.url} refused user ${conn.user}'s catalog lookup: ${err.message}`);
    throw err;
  }
  if (found === 0) throw new AttachError(`Trino at ${t.url} has no catalog '${t.catalog}' that user ${conn.user} may see (PULSE_ATTACH_CATALOG)`);
}
