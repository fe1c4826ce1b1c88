/**
 * Integration-test access to the test instance's PostgreSQL (started by tools/testing/run-tests.ts
 * beside the test Trino), as the database owner Trino's catalog and Pulse's migrations use.
 * Test-only; never imported by app code.
 */
import { dbConfig, withDb } from "../../lib/ops-db/connection";
import { testInstance } from "./trino-fixtures";

export async function pgRows<Row extends Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<Row[]> {
  return withDb(dbConfig(testInstance, "owner"), async (db) => (await db.query<Row>(sql, params)).rows);
}
