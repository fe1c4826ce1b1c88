/**
 * The settings a dashboard server process gets from whoever starts it on a local instance
 * (`npm start`, the e2e webServer, the benchmarks): the Trino HTTPS URL, the read-only user with its
 * generated password, the file of the certificate to trust, the catalog database the live
 * watcher polls for commits, the operational store and the write API's token. They travel in the child's environment only; the server keeps them on
 * its side (lib/config/server.ts), never in a page.
 */
import { ensureApiToken } from "./api-token";
import { DB_NAME, ensureDbCredentials } from "./db-credentials";
import { rolePassword, secretPaths } from "./secrets";
import { type InstanceSettings, instancePaths, serverUrl, USERS } from "./settings";

export function dashboardTrinoEnv(s: InstanceSettings): Record<string, string> {
  return {
    TRINO_URL: serverUrl(s),
    TRINO_USER: USERS.dashboard,
    TRINO_PASSWORD: rolePassword(s, "dashboard"),
    TRINO_CA_FILE: secretPaths(s).certificate,
    PULSE_CATALOG_DB_URL: catalogDbUrl(s),
    // Pulse's operational schema lives in the same database as the catalog.
    PULSE_OPS_DB_URL: catalogDbUrl(s),
    PULSE_API_TOKEN: ensureApiToken(s),
    PULSE_SUPERVISION_FILE: instancePaths(s).supervisionFile,
  };
}

/** The catalog's PostgreSQL as a URL (loopback, the database owner's password, generated here on a fresh instance: e2e builds the env before its set-up starts PostgreSQL). */
export function catalogDbUrl(s: InstanceSettings): string {
  const login = ensureDbCredentials(s).owner;
  return `postgres://${encodeURIComponent(login.user)}:${encodeURIComponent(login.password)}@127.0.0.1:${s.pgPort}/${DB_NAME}`;
}
