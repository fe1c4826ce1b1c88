/**
 * The live pipeline's real-time micro-batches as meta.job_checkpoints records them (read as admin
 * through tools/bench/sql/live_batches.sql): each batch's 'started' and 'committed' times. Used for
 * the commit time of a pushed delta, and for how long the batches that ran during the burst took
 * compared with the ones before it.
 */
import path from "node:path";
import { z } from "zod";
import { REPO_ROOT } from "../../../lib/lakehouse/settings";
import { parseRows } from "../../../lib/server/typed-rows";
import { bindSql } from "../../../lib/trino/bind";
import { runQuery, type TrinoConnection } from "../../../lib/trino/client";
import { loadStatement } from "../../../lib/trino/sql-files";

export interface Batch {
  readonly batchId: number;
  readonly startedMs: number | null;
  readonly committedMs: number | null;
}

const Row = z.object({ batch_id: z.number().int(), started_ms: z.number().nullable(), committed_ms: z.number().nullable() });

export async function readBatches(conn: TrinoConnection, sinceMs: number): Promise<Batch[]> {
  const sql = bindSql(loadStatement(path.join(REPO_ROOT, "tools", "bench", "sql"), "live_batches"), { since: new Date(sinceMs) });
  const out = await runQuery(conn, sql, { timeoutMs: 30_000 });
  return parseRows("live_batches", Row, out.rows).map((r) => ({ batchId: r.batch_id, startedMs: r.started_ms, committedMs: r.committed_ms }));
}

/** committed - started, ms; NaN unless both are known. */
export const durationMs = (b: Batch) => (b.startedMs !== null && b.committedMs !== null ? b.committedMs - b.startedMs : NaN);

/** Batches that were running at some instant of [fromMs, toMs] (one still running counts). */
export function overlapping(batches: readonly Batch[], fromMs: number, toMs: number): Batch[] {
  return batches.filter((b) => b.startedMs !== null && b.startedMs <= toMs && (b.committedMs === null || b.committedMs >= fromMs));
}

/** The last `n` batches that started and committed before `fromMs`, oldest first. */
export function batchesBefore(batches: readonly Batch[], fromMs: number, n: number): Batch[] {
  const done = batches.filter((b) => b.startedMs !== null && b.committedMs !== null && b.committedMs < fromMs);
  return [...done].sort((a, b) => a.committedMs! - b.committedMs!).slice(-n);
}

/** The batch id a delta's SSE id names (`b<batchId>.d<daily>.…`), or undefined for another id (history still loading: `l…`). */
export function batchOfEventId(id: string | undefined): number | undefined {
  const m = id === undefined ? null : /^b(\d+)\./.exec(id);
  return m ? Number(m[1]) : undefined;
}
