import "server-only";
import { serverConfig } from "../config/server";
import type { Health } from "../dashboard/models";
import { readSupervisionStatus } from "../supervision/status";

/** The supervisor rewrites its file at least every 5 s; older than this, nobody supervises. */
const REPORTING_WITHIN_MS = 15_000;

/** The supervisor's status as /api/health shows it (read on every call: one small file). */
export function supervisionHealth(now = Date.now()): Health["supervision"] {
  const file = serverConfig().PULSE_SUPERVISION_FILE;
  const status = file ? readSupervisionStatus(file) : null;
  if (!status) return null;
  return {
    reporting: now - status.updatedAt <= REPORTING_WITHIN_MS,
    updatedAt: status.updatedAt,
    // The log paths stay on the server: the page says what is down, the log is the operator's.
    servers: status.servers.map(({ logFile: _logFile, ...shown }) => shown),
  };
}
