/**
 * The Trino settings a dashboard server process gets from whoever starts it on a local instance
 * (`npm start`, the e2e webServer, the benchmarks): the HTTPS URL, the read-only user with its
 * generated password, and the file of the certificate to trust. They travel in the child's
 * environment only; the server keeps them on its side (lib/config/server.ts), never in a page.
 */
import { rolePassword, secretPaths } from "./secrets";
import { type InstanceSettings, serverUrl, USERS } from "./settings";

export function dashboardTrinoEnv(s: InstanceSettings): Record<string, string> {
  return {
    TRINO_URL: serverUrl(s),
    TRINO_USER: USERS.dashboard,
    TRINO_PASSWORD: rolePassword(s, "dashboard"),
    TRINO_CA_FILE: secretPaths(s).certificate,
  };
}
