/** Trino connections for the three roles of a local lakehouse instance. */
import type { TrinoConnection } from "../trino/client";
import { CATALOG, type InstanceSettings, type Role, serverUrl, USERS } from "./settings";

export function connectionFor(s: InstanceSettings, role: Role): TrinoConnection {
  return { server: serverUrl(s), user: USERS[role], catalog: CATALOG, source: `pulse-${role}` };
}

export const templateVars = (s: InstanceSettings) => ({ velocity_window_minutes: s.velocityWindowMinutes });
