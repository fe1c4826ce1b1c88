/**
 * Runs one SQL statement on Trino and returns its rows, or throws a typed error.
 *
 * Why this wrapper exists: trino-client reports SQL failures inside result pages instead of throwing,
 * has no timeout, and keeps per-response session state. Here every page is checked for `error`,
 * every query has a deadline after which it is cancelled on the server, and every query gets a
 * fresh client so no session state leaks between callers.
 */
import type https from "node:https";
import { BasicAuth, type QueryResult, type QueryStats, Trino } from "trino-client";

export interface TrinoConnection {
  /** Base URL, e.g. http://127.0.0.1:18080 */
  readonly server: string;
  readonly user: string;
  readonly password?: string;
  /**
   * PEM certificate(s) to trust for an https:// server, instead of Node's usual roots: a local
   * Trino's self-signed certificate is trusted by name, never by turning verification off.
   */
  readonly ca?: string;
  readonly catalog?: string;
  readonly schema?: string;
  /** Shown in Trino's query list, so operators can tell the dashboard from the jobs. */
  readonly source?: string;
}

export interface QueryOptions {
  /** Client-side deadline; the query is cancelled in Trino when it passes. */
  readonly timeoutMs?: number;
  /** Session time zone; defaults to UTC so `current_timestamp` and date functions are UTC. */
  readonly timeZone?: string;
  /** Extra session properties for this one statement (e.g. a test pinning a planner setting). */
  readonly session?: Readonly<Record<string, string>>;
}

export interface Column {
  readonly name: string;
  readonly type: string;
}

export interface QueryOutput<Row = Record<string, unknown>> {
  readonly queryId: string;
  readonly columns: readonly Column[];
  readonly rows: Row[];
  readonly stats: QueryStats | undefined;
}

export const DEFAULT_TIMEOUT_MS = 60_000;
/** An idle keep-alive socket of a query's own agent is closed after this long (httpsAgentOptions). */
const IDLE_SOCKET_MS = 2_000;
/** How long a timed-out query waits for Trino to confirm its cancellation before failing anyway. */
const CANCEL_WAIT_MS = 2_000;

export class TrinoQueryError extends Error {
  override readonly name = "TrinoQueryError";
  constructor(
    message: string,
    readonly errorName: string,
    readonly errorType: string,
    readonly queryId: string | undefined,
  ) {
    super(message);
  }
}

export class TrinoTimeoutError extends Error {
  override readonly name = "TrinoTimeoutError";
  constructor(
    readonly timeoutMs: number,
    readonly queryId: string | undefined,
  ) {
    super(`Trino query ${queryId ?? "(not started)"} exceeded ${timeoutMs} ms and was cancelled`);
  }
}

export class TrinoUnavailableError extends Error {
  override readonly name = "TrinoUnavailableError";
}

/**
 * trino-client types `ssl` as TLS options but hands it to `new https.Agent(ssl)`, one agent per client,
 * so agent options work too. Keep-alive lets the pages of one query share one TLS connection: a
 * handshake per request cost ~20-40 ms per `SELECT 1` on this 2-core machine, one per query ~1 ms.
 * Idle sockets close after IDLE_SOCKET_MS, so finished queries leave no connections behind.
 * Without `ca`, Node's own roots apply; verification is never turned off.
 */
function httpsAgentOptions(conn: TrinoConnection): https.AgentOptions {
  return { keepAlive: true, timeout: IDLE_SOCKET_MS, ...(conn.ca ? { ca: conn.ca } : {}) };
}

/** Exported for the commit-safety test's sender (tools/testing/bronze-write-main.ts), which must die mid-query; everything else goes through runQuery. */
export function createClient(conn: TrinoConnection, opts: QueryOptions, timeoutMs: number): Trino {
  return Trino.create({
    server: conn.server,
    catalog: conn.catalog,
    schema: conn.schema,
    source: conn.source ?? "pulse",
    auth: new BasicAuth(conn.user, conn.password),
    ssl: httpsAgentOptions(conn),
    // Server-side backstop in case this process dies before it can cancel. Run time includes
    // queueing, so a statement started at T is over (done or killed) by T + timeout: the micro-batch
    // relies on that to know which Bronze writes can still commit (lib/pipeline/rt/microbatch.ts).
    session: {
      query_max_execution_time: `${Math.max(1, Math.ceil(timeoutMs / 1000))}s`,
      query_max_run_time: `${Math.max(1, Math.ceil(timeoutMs / 1000))}s`,
      ...opts.session,
    },
    extraHeaders: { "X-Trino-User": conn.user, "X-Trino-Time-Zone": opts.timeZone ?? "UTC" },
  });
}

function describeTransportError(err: unknown, server: string): TrinoUnavailableError {
  const e = err as { code?: string; message?: string; response?: { status?: number; data?: unknown } };
  if (e.response?.status === 401) return new TrinoUnavailableError(`Trino at ${server} refused the credentials (HTTP 401)`);
  if (e.response?.status) return new TrinoUnavailableError(`Trino at ${server} answered HTTP ${e.response.status}`);
  // Node's codes for a certificate it does not trust (self-signed, wrong name, expired...).
  if (e.code && /CERT|SELF_SIGNED|ALTNAME/.test(e.code))
    return new TrinoUnavailableError(`Trino at ${server} has a TLS certificate this client does not trust (${e.code})`);
  return new TrinoUnavailableError(`Trino at ${server} is unreachable (${e.code ?? e.message ?? "unknown error"})`);
}

/**
 * trino-client 0.2.9 keeps the POST response (which carries the query id) in a private field and only
 * yields later pages; a query that hangs before its first page could not be cancelled without it.
 * That field is private, so the version is pinned exactly in package.json: re-check it when upgrading.
 */
export function firstResponseId(iterator: unknown): string | undefined {
  const inner = (iterator as { iter?: { queryResult?: { id?: unknown } } }).iter;
  const id = inner?.queryResult?.id;
  return typeof id === "string" ? id : undefined;
}

function throwIfFailed(page: QueryResult): void {
  if (page.error) {
    throw new TrinoQueryError(page.error.message, page.error.errorName, page.error.errorType, page.id);
  }
}

/** How long runQuery waits before sending a statement again that Trino could not place on a node. */
const NO_NODES_RETRY_MS = 1_000;

/**
 * True for the failure of a statement Trino could not schedule because its node map was still empty:
 * for a few seconds after a (re)start the scheduler's memoized map can lag behind nodes that are
 * already active and a catalog that already answers (seen in `npm start` right after Trino was
 * ready). Such a statement ran no task, and an Iceberg write commits only when its query finishes,
 * so sending it again is safe for every statement.
 */
export function isNoNodesYet(err: unknown): boolean {
  return err instanceof TrinoQueryError && err.errorName === "NO_NODES_AVAILABLE";
}

/**
 * Runs one statement within opts.timeoutMs (default DEFAULT_TIMEOUT_MS) and returns its rows. A
 * statement Trino could not yet place on a node (isNoNodesYet) is sent again every second within
 * the same deadline.
 */
export async function runQuery<Row = Record<string, unknown>>(conn: TrinoConnection, sql: string, opts: QueryOptions = {}): Promise<QueryOutput<Row>> {
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await runQueryOnce<Row>(conn, sql, { ...opts, timeoutMs: Math.max(1, deadline - Date.now()) });
    } catch (err) {
      // A retry's overrun is the statement's: report the deadline the caller set.
      if (err instanceof TrinoTimeoutError && err.timeoutMs !== timeoutMs) throw new TrinoTimeoutError(timeoutMs, err.queryId);
      if (!isNoNodesYet(err) || deadline - Date.now() <= NO_NODES_RETRY_MS) throw err;
      await new Promise((r) => setTimeout(r, NO_NODES_RETRY_MS));
    }
  }
}

async function runQueryOnce<Row>(conn: TrinoConnection, sql: string, opts: QueryOptions): Promise<QueryOutput<Row>> {
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const client = createClient(conn, opts, timeoutMs);
  const deadline = Date.now() + timeoutMs;
  let queryId: string | undefined;
  let timer: NodeJS.Timeout | undefined;

  const withDeadline = <T>(work: Promise<T>): Promise<T> => {
    const remaining = deadline - Date.now();
    if (remaining <= 0) return Promise.reject(new TrinoTimeoutError(timeoutMs, queryId));
    return Promise.race([
      work,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new TrinoTimeoutError(timeoutMs, queryId)), remaining);
      }),
    ]).finally(() => clearTimeout(timer));
  };

  try {
    const iterator = await withDeadline(client.query(sql)).catch((err: unknown) => {
      if (err instanceof TrinoTimeoutError) throw err;
      throw describeTransportError(err, conn.server);
    });
    queryId = firstResponseId(iterator);
    let columns: Column[] = [];
    const data: unknown[][] = [];
    let stats: QueryStats | undefined;
    for (;;) {
      const step = await withDeadline(iterator.next()).catch((err: unknown) => {
        if (err instanceof TrinoTimeoutError || err instanceof TrinoQueryError) throw err;
        throw describeTransportError(err, conn.server);
      });
      const page = step.value as QueryResult | undefined;
      if (step.done) {
        // The iterator hands back the last page with done=true; a failure in the very first response lands here.
        if (page) throwIfFailed(page);
        break;
      }
      if (!page) continue;
      queryId = page.id ?? queryId;
      throwIfFailed(page);
      if (page.columns) columns = page.columns;
      // Row by row: a page may hold more rows than a spread call takes arguments (about 125,000 here).
      if (page.data) for (const row of page.data as unknown[][]) data.push(row);
      if (page.stats) stats = page.stats;
    }
    const rows = data.map((values) => {
      const row: Record<string, unknown> = {};
      columns.forEach((col, idx) => {
        row[col.name] = values[idx];
      });
      return row as Row;
    });
    return { queryId: queryId ?? "", columns, rows, stats };
  } catch (err) {
    if (err instanceof TrinoTimeoutError && queryId) {
      // A Trino that stopped answering does not answer the cancel either: waiting on it would hold
      // the failure (and a dashboard's stale fallback) until Trino came back. The server-side limit
      // set in createClient ends the query regardless.
      const cancel = client.cancel(queryId).catch(() => undefined);
      await Promise.race([cancel, new Promise<void>((resolve) => setTimeout(resolve, CANCEL_WAIT_MS).unref())]);
    }
    throw err;
  }
}
