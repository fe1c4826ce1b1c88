/** Trino connections for the three roles of a local lakehouse instance: HTTPS, each with its password. */
import type { TrinoConnection } from "../trino/client";
import { rolePassword, trustedCertificate } from "./secrets";
import { type InstanceSettings, type Role, serverUrl, USERS } from "./settings";

export function connectionFor(s: InstanceSettings, role: Role): TrinoConnection {
  return {
    server: serverUrl(s),
    user: USERS[role],
    password: rolePassword(s, role),
    ca: trustedCertificate(s),
    catalog: s.catalog,
    source: `pulse-${role}`,
  };
}

export const templateVars = (s: InstanceSettings) => ({ velocity_window_minutes: s.velocityWindowMinutes });
