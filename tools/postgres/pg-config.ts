/**
 * Renders the configuration of one instance's PostgreSQL (a pure function, so the exact files are
 * unit-tested). Written into the data folder at every start, so a changed port takes effect:
 * postgresql.conf (initdb's) includes pulse.conf, and pg_hba.conf is replaced. Choices and why:
 * - bound to 127.0.0.1 and no Unix socket: one way in, the one Trino and the tools use, and no
 *   socket path to fit under the 107-byte limit or to give permissions to;
 * - every login by SCRAM password, over loopback only (generated passwords, lib/lakehouse/db-credentials.ts);
 * - UTC, like Trino, so timestamps read the same from both;
 * - a small footprint: a catalog of a few dozen tables and a small operational store, on a machine
 *   that also runs Trino.
 */
import type { InstanceSettings } from "../../lib/lakehouse/settings";

const lines = (...xs: string[]) => `${xs.join("\n")}\n`;

export const INCLUDE_LINE = "include_if_exists = 'pulse.conf'";

export function renderPostgresConfig(s: InstanceSettings): Record<"pulse.conf" | "pg_hba.conf", string> {
  return {
    "pulse.conf": lines(
      "# Written by Pulse at every start (tools/postgres/pg-config.ts); edits are overwritten.",
      "listen_addresses = '127.0.0.1'",
      `port = ${s.pgPort}`,
      "unix_socket_directories = ''",
      "password_encryption = 'scram-sha-256'",
      "timezone = 'UTC'",
      "log_timezone = 'UTC'",
      "max_connections = 50",
      "shared_buffers = '64MB'",
      "log_min_duration_statement = '2s'",
    ),
    "pg_hba.conf": lines(
      "# Written by Pulse at every start (tools/postgres/pg-config.ts): password logins over loopback TCP, nothing else.",
      "# TYPE  DATABASE  USER  ADDRESS        METHOD",
      "host    all       all   127.0.0.1/32   scram-sha-256",
    ),
  };
}
