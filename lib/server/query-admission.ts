import "server-only";
/**
 * The dashboard server's one admission gate (lib/server/admission.ts) in front of Trino, sized by
 * PULSE_DASHBOARD_MAX_QUERIES and the queue deadlines. Kept on globalThis, like the result cache, so
 * dev-mode module reloads do not make a second gate with its own K.
 */
import { serverConfig } from "../config/server";
import { Admission, admissionOptionsFromSettings } from "./admission";

const globalKey = Symbol.for("pulse.dashboard.admission");
type Holder = { [globalKey]?: Admission };

export function admission(): Admission {
  const holder = globalThis as Holder;
  if (!holder[globalKey]) {
    holder[globalKey] = new Admission(admissionOptionsFromSettings(serverConfig()));
  }
  return holder[globalKey];
}
