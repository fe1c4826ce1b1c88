/**
 * The rows of sql/queries/rt_watermark.sql and the seed columns of health_freshness.sql, checked at
 * the Trino boundary. No "server-only" import: the integration test parses real rows with it too.
 */
import { z } from "zod";
import type { RtState, SeedProgress } from "../../dashboard/rt-progress";

const seedColumns = {
  seed_days_done: z.number().int().nonnegative().nullable(),
  seed_days_total: z.number().int().nonnegative().nullable(),
};

export const seedProgressRow = z.object(seedColumns);

export const rtWatermarkRow = z.object({
  rt_committed: z.boolean(),
  watermark_ms: z.number().nullable(),
  first_commit_ms: z.number().nullable(),
  ...seedColumns,
  rt_batch_id: z.number().int().nullable(),
  daily_version_ms: z.number().nullable(),
});

export interface RtWatermark {
  readonly state: RtState;
  /** End of the last closed, aggregated minute, epoch ms; null while loading. */
  readonly watermark: number | null;
  /** When the first micro-batch committed (Trino's clock), epoch ms; null while loading. */
  readonly firstCommit: number | null;
  /** The running seed's progress; null when no seed is running. */
  readonly seed: SeedProgress | null;
  /** The newest committed micro-batch: RT log rows with batch_id <= it are committed; null while loading. */
  readonly batchId: number | null;
  /** When the newest daily build committed, epoch ms: it moves with every build; null before the first. */
  readonly dailyVersion: number | null;
}

/** A running seed's days, or null when the row has none (both columns come from the same view row). */
export function seedProgressOf(row: z.infer<typeof seedProgressRow>): SeedProgress | null {
  if (row.seed_days_done === null || row.seed_days_total === null) return null;
  return { daysDone: row.seed_days_done, daysTotal: row.seed_days_total };
}

/** The statement always returns exactly one row (a FROM over a one-row view and an aggregate). */
export function rtWatermarkOf(rows: readonly unknown[]): RtWatermark {
  if (rows.length !== 1) throw new Error(`rt_watermark.sql returned ${rows.length} rows, expected 1`);
  const r = rtWatermarkRow.parse(rows[0]);
  return {
    state: r.rt_committed ? "complete" : "loading",
    watermark: r.rt_committed ? r.watermark_ms : null,
    firstCommit: r.first_commit_ms,
    seed: seedProgressOf(r),
    batchId: r.rt_committed ? r.rt_batch_id : null,
    dailyVersion: r.daily_version_ms,
  };
}
