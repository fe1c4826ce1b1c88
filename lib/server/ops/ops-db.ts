import "server-only";
/**
 * The dashboard's connection pool to Pulse's operational store (PULSE_OPS_DB_URL, schema pulse_ops),
 * and the one way its statements run: sql/ops_queries/<name>.sql with PostgreSQL placeholders, the
 * values sent apart from the text by node-postgres (the extended protocol), so nothing a request
 * holds is ever part of a statement's text. The PostgreSQL counterpart of lib/trino/bind.ts.
 */
import path from "node:path";
import pg from "pg";
import { serverConfig } from "../../config/server";
import { loadStatement } from "../../trino/sql-files";

/** Thrown when the store is not configured or does not answer: the API answers 503. */
export class OpsStoreUnavailableError extends Error {
  override readonly name = "OpsStoreUnavailableError";
}

/** A few connections: writes are rare and each statement is a single indexed row or range. */
const POOL_SIZE = 4;
const STATEMENT_TIMEOUT_MS = 5_000;

const key = Symbol.for("pulse.dashboard.opsPool");
type Holder = { [key]?: pg.Pool };

function pool(): pg.Pool {
  const holder = globalThis as Holder;
  if (!holder[key]) {
    const url = serverConfig().PULSE_OPS_DB_URL;
    if (!url)
      throw new OpsStoreUnavailableError("no operational store is configured (PULSE_OPS_DB_URL), so annotations, alerts and saved views are not available");
    const p = new pg.Pool({
      connectionString: url,
      max: POOL_SIZE,
      connectionTimeoutMillis: 3_000,
      statement_timeout: STATEMENT_TIMEOUT_MS,
      application_name: "pulse-dashboard",
    });
    // An idle connection that breaks (PostgreSQL restarted) must not crash the server.
    p.on("error", (err) => console.error("[dashboard] ops store connection error:", err.message));
    holder[key] = p;
  }
  return holder[key];
}

const statement = (name: string) => loadStatement(path.join(process.cwd(), "sql", "ops_queries"), name);

function asUnavailable(err: unknown): unknown {
  if (err instanceof OpsStoreUnavailableError) return err;
  // A constraint the schema checks (the zod schema should have caught it first) is a bug, not an outage.
  if ((err as { code?: string }).code?.startsWith("23")) return err;
  return new OpsStoreUnavailableError(`the operational store did not answer: ${(err as Error).message}`);
}

/** Runs sql/ops_queries/<name>.sql with `values` bound to $1, $2 …; a failure to reach the store is an OpsStoreUnavailableError. */
export async function opsQuery<Row extends pg.QueryResultRow>(name: string, values: readonly unknown[]): Promise<Row[]> {
  try {
    return (await pool().query<Row>({ text: statement(name), values: [...values] })).rows;
  } catch (err) {
    throw asUnavailable(err);
  }
}

export type OpsQuery = <Row extends pg.QueryResultRow>(name: string, values: readonly unknown[]) => Promise<Row[]>;

/** Runs `work` in one transaction on one connection (committed if it returns, rolled back if it throws). */
export async function opsTransaction<T>(work: (query: OpsQuery) => Promise<T>): Promise<T> {
  let client: pg.PoolClient;
  try {
    client = await pool().connect();
  } catch (err) {
    throw asUnavailable(err);
  }
  try {
    const run = async <Row extends pg.QueryResultRow>(text: string, values: readonly unknown[] = []) => {
      try {
        return (await client.query<Row>({ text, values: [...values] })).rows;
      } catch (err) {
        throw asUnavailable(err);
      }
    };
    await run("BEGIN");
    const out = await work((name, values) => run(statement(name), values));
    await run("COMMIT");
    return out;
  } catch (err) {
    // The work's own errors (a bug) pass unchanged; the store's are already OpsStoreUnavailableErrors.
    await client.query("ROLLBACK").catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}
