import "server-only";
/**
 * The dashboard's one road to Trino: a named statement from sql/queries, its values bound by bindSql
 * (the audited binder), run as the read-only user with a deadline (cancelled in Trino when it
 * overruns) once the admission gate lets it start (admission.ts: at most K at once, shared views
 * first), behind the single-flight result cache that serves the last good result when Trino fails.
 */
import type { z } from "zod";
import { serverConfig } from "../config/server";
import type { Envelope } from "../dashboard/envelope";
import { bindSql, type SqlParams } from "../trino/bind";
import { runQuery, type TrinoConnection, TrinoQueryError, TrinoTimeoutError, TrinoUnavailableError } from "../trino/client";
import { AdmissionRejectedError, answerWithin, type Priority } from "./admission";
import { arrivedAt } from "./arrival";
import { RestoredResultNotice } from "./cache-snapshot-file";
import { trinoFailureRechecked } from "./live/log-meta";
import { dataVersion } from "./live/versions";
import { admission } from "./query-admission";
import { type CachedValue, ResultCache } from "./result-cache";
import { querySql } from "./sql-files";
import { trinoCa } from "./trino-ca";
import { recordTrinoCall } from "./trino-state";
import { parseRows, RowShapeError } from "./typed-rows";
import { currentLane } from "./work-lane";

/** Trino could not answer and no earlier result exists: the API answers 503 with this message. */
export class DataUnavailableError extends Error {
  override readonly name = "DataUnavailableError";
}

export type Freshness = "rt" | "daily";

/** What the cache keeps per statement: rows already mapped once, so serving costs no re-mapping. */
export interface Stored {
  readonly data: unknown;
  readonly watermark: number | null;
  readonly sql: string;
  /** The live watcher's data version the result was computed at; undefined without a healthy watcher. */
  readonly version: string | undefined;
}

const globalKey = Symbol.for("pulse.dashboard.cache");
type Holder = { [globalKey]?: ResultCache<Stored> };

/** One cache per server process (kept on globalThis so dev-mode module reloads do not multiply it). */
export function resultCache(): ResultCache<Stored> {
  const holder = globalThis as Holder;
  // A minute of stale-while-revalidate: when a period runs out, viewers get the last result at once
  // and one of them triggers the refresh, instead of all waiting seconds for Trino.
  holder[globalKey] ??= new ResultCache<Stored>({ retryAfterMs: 2_000, maxEntries: 500, revalidateMs: 60_000 });
  return holder[globalKey];
}

export function dashboardConnection(): TrinoConnection {
  const env = serverConfig();
  return {
    server: env.TRINO_URL,
    user: env.TRINO_USER,
    password: env.TRINO_PASSWORD,
    ca: trinoCa(env.TRINO_CA_FILE),
    catalog: env.TRINO_CATALOG,
    source: "pulse-dashboard",
  };
}

export function describeFailure(err: unknown): string {
  if (err instanceof TrinoTimeoutError) return `Trino did not answer within ${err.timeoutMs / 1000} s; the query was cancelled`;
  if (err instanceof TrinoUnavailableError) return err.message;
  if (err instanceof AdmissionRejectedError) return err.message;
  if (err instanceof TrinoQueryError) return `Trino query failed: ${err.errorName}: ${err.message.slice(0, 300)}`;
  if (err instanceof RestoredResultNotice) return err.message;
  return "the data layer failed unexpectedly";
}

const ttlMs = (freshness: Freshness) => {
  const env = serverConfig();
  return 1000 * (freshness === "rt" ? env.PULSE_RT_CACHE_SECONDS : env.PULSE_DAILY_CACHE_SECONDS);
};

/**
 * Runs `read`, the parsing (typed-rows.ts) and mapping of a statement's rows. A RowShapeError is a
 * bug in this repository, not an outage, so its detail goes to the server log here, once per query,
 * even when the cache then answers with an earlier result; a client only ever gets api.ts's
 * generic answer.
 */
export function readRows<T>(read: () => T): T {
  try {
    return read();
  } catch (err) {
    if (err instanceof RowShapeError) console.error(`[dashboard] ${err.message}`);
    throw err;
  }
}

export interface QuerySpec<Row, T> {
  /** File name in sql/queries without .sql. */
  readonly name: string;
  readonly params: SqlParams;
  readonly freshness: Freshness;
  /** The shape of one result row, as the statement's SELECT list declares it. */
  readonly row: z.ZodType<Row>;
  readonly map: (rows: readonly Row[]) => T;
  /** The data watermark of this result, epoch ms, or null when the rows do not say. */
  readonly watermark: (rows: readonly Row[]) => number | null;
  /** Its place in the admission queue (admission.ts): "adhoc" for one person's custom range; default "shared". */
  readonly priority?: Priority;
}

/**
 * Runs one bound statement as the dashboard's user with its deadline and checks each row's shape.
 * Without a priority it takes the caller's lane (work-lane.ts): background for the server's own jobs.
 */
export async function fetchRows<Row>(name: string, sql: string, row: z.ZodType<Row>, priority: Priority = currentLane()): Promise<Row[]> {
  // Admission gates the Trino call itself: identical requests already share one fetch in the cache.
  const out = await admission().run(priority, async () => {
    try {
      const res = await runQuery(dashboardConnection(), sql, { timeoutMs: serverConfig().TRINO_QUERY_TIMEOUT_MS });
      recordTrinoCall();
      return res;
    } catch (err) {
      if (err instanceof TrinoQueryError || err instanceof TrinoTimeoutError || err instanceof TrinoUnavailableError) recordTrinoCall(err);
      throw err;
    }
  });
  return readRows(() => parseRows(name, row, out.rows));
}

export interface CachedQueryOptions {
  /** Wait for the result at the current data version instead of answering an older one at once (the live hub). */
  readonly waitForCurrent?: boolean;
  /**
   * For an API request of one person's range (priority "adhoc"): the time (epoch ms) by which it is
   * answered, with its data or a 503 to retry while the query goes on into the cache (adhocAnswerBy).
   * Pages and the live hub wait for their data instead.
   */
  readonly answerBy?: number;
}

/** When an API request for a custom range must be answered: PULSE_ADHOC_ANSWER_MS after it arrived; none when 0. */
export function adhocAnswerBy(request: Request): CachedQueryOptions {
  const ms = serverConfig().PULSE_ADHOC_ANSWER_MS;
  return ms > 0 ? { answerBy: arrivedAt(request.headers) + ms } : {};
}

export async function cachedQuery<Row, T>(spec: QuerySpec<Row, T>, opts: CachedQueryOptions = {}): Promise<Envelope<T>> {
  const sql = bindSql(querySql(spec.name), spec.params);
  // With the live watcher healthy, a result is fresh exactly while its data version is current, so
  // nothing unchanged is queried again; otherwise the cache period decides, as before.
  const version = dataVersion(spec.freshness);
  const fetch = async (): Promise<Stored> => {
    const rows = await fetchRows(spec.name, sql, spec.row, spec.priority ?? currentLane());
    return readRows(() => ({ data: spec.map(rows), watermark: spec.watermark(rows), sql, version }));
  };
  const freshness = version === undefined ? {} : { isCurrent: (v: Stored) => v.version === version, waitForCurrent: opts.waitForCurrent ?? false };
  let got: CachedValue<Stored>;
  try {
    const pending = resultCache().get(sql, fetch, ttlMs(spec.freshness), freshness);
    // At least 1 ms: a result already in the cache still wins over the 503.
    got = await (spec.priority === "adhoc" && opts.answerBy !== undefined ? answerWithin(pending, Math.max(1, opts.answerBy - Date.now())) : pending);
  } catch (err) {
    // Not an outage but a bug (already logged): api.ts answers it with its generic 500.
    if (err instanceof RowShapeError) throw err;
    // The dashboard is at capacity: api.ts answers 503 with Retry-After.
    if (err instanceof AdmissionRejectedError) throw err;
    if (!(err instanceof TrinoQueryError || err instanceof TrinoTimeoutError || err instanceof TrinoUnavailableError)) {
      console.error(`[dashboard] ${spec.name} failed`, err);
    }
    throw new DataUnavailableError(describeFailure(err));
  }
  const now = Date.now();
  // A result current by its data version still comes from before Trino stopped answering, if it
  // did: it is the last good one, and says so (the next call that succeeds clears this).
  const failure = got.stale ? got.error : version !== undefined ? trinoFailureRechecked() : undefined;
  const stale = got.stale || failure !== undefined;
  return {
    // One statement has one mapper (its query module), so the mapped value has type T.
    data: got.value.data as T,
    meta: {
      sql: got.value.sql,
      fetchedAt: got.fetchedAt,
      stale,
      ageSeconds: Math.max(0, Math.round((now - got.fetchedAt) / 1000)),
      ...(stale ? { staleReason: describeFailure(failure) } : {}),
      watermark: got.value.watermark,
      ...(got.value.version !== undefined ? { version: got.value.version } : {}),
    },
  };
}

/** The watermark of a statement whose every row carries it as `watermark_ms`; null without rows. */
export const firstWatermark = (rows: readonly { readonly watermark_ms: number }[]): number | null => rows[0]?.watermark_ms ?? null;
