/**
 * Connections to an instance's PostgreSQL with node-postgres. Only over loopback TCP with a
 * password (SCRAM): the cluster has no Unix socket (tools/postgres/pg-config.ts), so the same path
 * serves the tools, the tests and Trino's catalog.
 */
import pg from "pg";
import { DB_NAME, type DbRole, loadDbCredentials } from "../lakehouse/db-credentials";
import type { InstanceSettings } from "../lakehouse/settings";

export type DbConfig = pg.ClientConfig;

/** The owner works in Pulse's database; the superuser in `postgres`, to create that database. */
export function dbConfig(s: InstanceSettings, role: DbRole): DbConfig {
  const login = loadDbCredentials(s)[role];
  return {
    host: "127.0.0.1",
    port: s.pgPort,
    database: role === "owner" ? DB_NAME : "postgres",
    user: login.user,
    password: login.password,
    connectionTimeoutMillis: 10_000,
    application_name: "pulse-tools",
  };
}

/** Runs `fn` on a fresh connection that is always closed afterwards. */
export async function withDb<T>(config: DbConfig, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client(config);
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
