/**
 * The 1-minute micro-batch (seed §4.1), exactly-once over an append-only log.
 *
 * A batch k covers Bronze rows with ingested_from < ingested_at <= ingested_through, where
 * ingested_through = now - COMMIT_SAFETY: a live Bronze write is killed by Trino after
 * LIVE_WRITE_TIMEOUT_MS, so nothing stamped before that can still commit. The live pipeline, whose
 * own ingest is Bronze's only writer, passes a later bound it knows is safe instead: Trino's "now",
 * read with no ingest write in flight (runner/bronze-fence.ts). Steps:
 *   1. checkpoint 'started' (k, range);  2. Gold rows tagged batch_id = k (one Iceberg commit);
 *   3. the platform rollup (gold.rt_platform_15min) of every batch it does not hold yet, up to k,
 *      computed from the Gold rows of those batches (one Iceberg commit);
 *   4. checkpoint 'committed' with complete_through = floor_minute(ingested_through - settle).
 * A crash between any two steps leaves 'started' without 'committed'; the next run finishes k
 * first: if Gold holds rows of k the write happened (commits are atomic), step 3 runs again (it
 * adds only batches above the rollup's newest, so nothing once k is in) and step 4 is repeated;
 * else steps 2-4 are redone over the same range. Nothing is lost or counted twice, in the log or in
 * the rollup.
 * Step 3 rolls up every batch above the rollup's newest one, so on a lakehouse whose log predates
 * the rollup the first batch after the upgrade backfills the whole log (7 days) in that one commit;
 * after that it reads only batch k's rows. Seeding (runner/backfill.ts) goes through here too.
 */
import type { SqlValue } from "../../trino/bind";
import { sqlInstant } from "../../trino/bind";
import { runQuery, type TrinoConnection } from "../../trino/client";
import { LIVE_WRITE_TIMEOUT_MS } from "../bronze/event";
import { runJob } from "../job-sql";

export const COMMIT_SAFETY_MS = LIVE_WRITE_TIMEOUT_MS + 5_000;
/** How long after a minute ends it is still considered open for deliveries (e.g. play reports). */
export const DEFAULT_SETTLE_MS = 30_000;
const EPOCH_START = Date.UTC(1970, 0, 1);
const MINUTE = 60_000;

export interface MicroBatchOptions {
  /** Trino's clock is used when absent; tests pin it. */
  readonly nowMs?: number;
  readonly settleMs?: number;
  /**
   * Where to read Bronze through, when the caller knows nothing stamped at or below it can still
   * commit (runner/bronze-fence.ts); else now - COMMIT_SAFETY_MS.
   */
  readonly throughMs?: number;
  /** Test hook: throw right after the Gold write, before the rollup and the 'committed' checkpoint. */
  readonly crashAfterGoldWrite?: boolean;
  /** Test hook: throw right after the rollup write, before the 'committed' checkpoint. */
  readonly crashAfterRollupWrite?: boolean;
}

export interface MicroBatchResult {
  readonly batchId: number;
  readonly recovered: boolean;
  readonly skipped: boolean;
  readonly rowsWritten: number;
  readonly eventsCounted: number;
  /** Rows this run added to the rollup (step 3): 0 when the rollup already held the batch, or it had no rows. */
  readonly rollupRows: number;
  readonly ingestedThroughMs: number;
  readonly completeThroughMs: number;
  readonly durationMs: number;
}

interface Checkpoint {
  batch_id: number;
  committed: boolean;
  ingested_from_ms: number;
  ingested_through_ms: number;
  complete_through_ms: number;
}

export class SimulatedCrash extends Error {
  override readonly name = "SimulatedCrash";
}

const at = (ms: number) => sqlInstant(new Date(ms));

export async function trinoNowMs(conn: TrinoConnection): Promise<number> {
  const r = await runQuery<{ ms: number }>(conn, "SELECT to_unixtime(current_timestamp) * 1000 AS ms");
  return Number(r.rows[0]!.ms);
}

async function record(
  conn: TrinoConnection,
  state: "started" | "committed",
  cp: Checkpoint,
  rows: number | null,
  events: number | null,
  detail: string,
): Promise<void> {
  const params: Record<string, SqlValue> = {
    batch_id: cp.batch_id,
    state,
    ingested_from: at(cp.ingested_from_ms),
    ingested_through: at(cp.ingested_through_ms),
    complete_through: at(cp.complete_through_ms),
    rows_written: rows,
    events_counted: events,
    detail,
  };
  await runJob(conn, "rt_checkpoint_record", params);
}

async function batchOutput(conn: TrinoConnection, batchId: number): Promise<{ rows: number; events: number }> {
  const r = await runJob<{ rows_written: number; events_counted: number }>(conn, "rt_batch_output", { batch_id: batchId });
  return { rows: Number(r.rows[0]?.rows_written ?? 0), events: Number(r.rows[0]?.events_counted ?? 0) };
}

/**
 * Step 3: rolls up every batch the rollup does not hold yet, through batchId (normally just batchId;
 * on an upgraded lakehouse the whole log). The statement reads the rollup's newest batch itself, so
 * it adds nothing when the rollup already reaches batchId. Returns the rows it added.
 */
async function rollUp(conn: TrinoConnection, batchId: number): Promise<number> {
  const r = await runJob<{ rows: number }>(conn, "rt_rollup_insert", { batch_id: batchId });
  return Number(r.rows[0]?.rows ?? 0);
}

/** What a batch left in Gold (rows, events) and the rows this run added to the rollup. */
type Written = { rows: number; events: number; rollupRows: number };

async function writeAndCommit(conn: TrinoConnection, cp: Checkpoint, opts: MicroBatchOptions, detail: string): Promise<Written> {
  await runJob(conn, "rt_microbatch_insert", {
    ingested_from: at(cp.ingested_from_ms),
    ingested_through: at(cp.ingested_through_ms),
    batch_id: cp.batch_id,
  });
  if (opts.crashAfterGoldWrite) throw new SimulatedCrash(`crash after Gold write of batch ${cp.batch_id}`);
  return rollUpAndCommit(conn, cp, opts, detail);
}

async function rollUpAndCommit(conn: TrinoConnection, cp: Checkpoint, opts: MicroBatchOptions, detail: string): Promise<Written> {
  const rollupRows = await rollUp(conn, cp.batch_id);
  if (opts.crashAfterRollupWrite) throw new SimulatedCrash(`crash after rollup write of batch ${cp.batch_id}`);
  const out = await batchOutput(conn, cp.batch_id);
  await record(conn, "committed", cp, out.rows, out.events, detail);
  return { ...out, rollupRows };
}

export async function runMicroBatch(conn: TrinoConnection, opts: MicroBatchOptions = {}): Promise<MicroBatchResult> {
  const t0 = Date.now();
  const latest = (await runJob<Checkpoint>(conn, "rt_checkpoint_latest")).rows[0];
  const last = latest ? { ...latest, batch_id: Number(latest.batch_id) } : undefined;

  if (last && !last.committed) {
    // An interrupted batch: finish it over its own range before starting a new one.
    const existing = await batchOutput(conn, last.batch_id);
    const out =
      existing.rows > 0
        ? await rollUpAndCommit(conn, last, opts, "recovered: Gold write had committed")
        : await writeAndCommit(conn, last, opts, "recovered: rewritten");
    return {
      batchId: last.batch_id,
      recovered: true,
      skipped: false,
      rowsWritten: out.rows,
      eventsCounted: out.events,
      rollupRows: out.rollupRows,
      ingestedThroughMs: last.ingested_through_ms,
      completeThroughMs: last.complete_through_ms,
      durationMs: Date.now() - t0,
    };
  }

  const from = last ? last.ingested_through_ms : EPOCH_START;
  const through = opts.throughMs ?? (opts.nowMs ?? (await trinoNowMs(conn))) - COMMIT_SAFETY_MS;
  const settle = opts.settleMs ?? DEFAULT_SETTLE_MS;
  const complete = Math.floor((through - settle) / MINUTE) * MINUTE;
  if (through <= from) {
    return {
      batchId: last?.batch_id ?? 0,
      recovered: false,
      skipped: true,
      rowsWritten: 0,
      eventsCounted: 0,
      rollupRows: 0,
      ingestedThroughMs: from,
      completeThroughMs: last?.complete_through_ms ?? complete,
      durationMs: Date.now() - t0,
    };
  }
  const cp: Checkpoint = {
    batch_id: (last?.batch_id ?? 0) + 1,
    committed: false,
    ingested_from_ms: from,
    ingested_through_ms: through,
    // Never move the published watermark backwards.
    complete_through_ms: Math.max(complete, last?.complete_through_ms ?? EPOCH_START),
  };
  await record(conn, "started", cp, null, null, "");
  const out = await writeAndCommit(conn, cp, opts, "");
  return {
    batchId: cp.batch_id,
    recovered: false,
    skipped: false,
    rowsWritten: out.rows,
    eventsCounted: out.events,
    rollupRows: out.rollupRows,
    ingestedThroughMs: through,
    completeThroughMs: cp.complete_through_ms,
    durationMs: Date.now() - t0,
  };
}
