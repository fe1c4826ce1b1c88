import "server-only";
/**
 * A MinuteLog (lib/dashboard/minute-log.ts) fed from Trino: brought to the live watcher's committed
 * batch by reading only the rows of the batches since the last one it holds, or everything in its
 * span on start, after a gap, and once an hour as a belt-and-braces resync (which statement:
 * minute-statement.ts).
 * One per stream: the whole platform, or one video. Concurrent callers share one update.
 */
import { z } from "zod";
import { type MinuteDelta, MinuteLog, type MinuteRow, needsFullRecompute } from "../../dashboard/minute-log";
import { bindSql, sqlInstant } from "../../trino/bind";
import { fetchRows } from "../data";
import { querySql } from "../sql-files";
import { minuteStatement } from "./minute-statement";
import type { LiveState } from "./watcher";

const Row = z.object({
  t_ms: z.number(),
  impressions: z.number(),
  play_start: z.number(),
  play_finish: z.number(),
  likes: z.number(),
  shares: z.number(),
});

/** A full recompute at least this often, whatever the deltas say. */
const RESYNC_MS = 3_600_000;

export interface MinuteSnapshot {
  readonly log: MinuteLog;
  /** The statement that last brought the log up to date (the panels' "Show SQL"). */
  readonly sql: string;
  /** When it answered, epoch ms. */
  readonly fetchedAt: number;
}

export class MinuteSource {
  private readonly log: MinuteLog;
  private sql = "";
  private fetchedAt = 0;
  private lastFullAt = 0;
  private updating: Promise<MinuteSnapshot> | undefined;
  /** Trino statements this source ran, and how many of them were full recomputes (benchmarks read these). */
  readonly counts = { deltas: 0, fulls: 0 };

  constructor(
    spanMs: number,
    private readonly videoId: string | null,
  ) {
    this.log = new MinuteLog(spanMs);
  }

  /** The log at the state's committed batch and watermark; only `state.rt.state === "complete"` states have one. */
  at(state: LiveState): Promise<MinuteSnapshot> {
    const { batchId, watermark } = state.rt;
    if (batchId === null || watermark === null) return Promise.reject(new Error("no micro-batch has committed yet"));
    if (this.log.batch === batchId && this.log.watermark === watermark) return Promise.resolve(this.snapshot());
    this.updating ??= this.update(batchId, watermark).finally(() => {
      this.updating = undefined;
    });
    return this.updating.then((s) => (this.log.batch !== null && this.log.batch < batchId ? this.at(state) : s));
  }

  private snapshot(): MinuteSnapshot {
    return { log: this.log, sql: this.sql, fetchedAt: this.fetchedAt };
  }

  private async update(batchId: number, watermark: number): Promise<MinuteSnapshot> {
    const since = watermark - this.log.retentionMs;
    const after = this.log.batch;
    if (after !== null && Date.now() - this.lastFullAt < RESYNC_MS && after <= batchId) {
      const { rows, sql } = await this.read(after, batchId, since);
      const delta: MinuteDelta = { afterBatch: after, throughBatch: batchId, watermarkMs: watermark, appendOnly: true, rows };
      // Rows leave the log only by the TTL (7 days, far beyond the span) or a reset of the
      // pipeline, which moves the batch back: appendOnly holds within the span.
      if (needsFullRecompute(this.log, delta) === null) {
        this.log.apply(delta);
        this.done(sql);
        this.counts.deltas += 1;
        return this.snapshot();
      }
    }
    const { rows, sql } = await this.read(-1, batchId, since);
    this.log.reset(rows, batchId, watermark);
    this.lastFullAt = Date.now();
    this.counts.fulls += 1;
    this.done(sql);
    return this.snapshot();
  }

  private done(sql: string): void {
    this.sql = sql;
    this.fetchedAt = Date.now();
  }

  private async read(after: number, through: number, since: number): Promise<{ rows: MinuteRow[]; sql: string }> {
    const name = minuteStatement(after, through);
    const sql = bindSql(querySql(name), {
      after_batch: after,
      through_batch: through,
      since: sqlInstant(new Date(since)),
      video_id: this.videoId,
    });
    const rows = await fetchRows(name, sql, Row);
    return {
      sql,
      rows: rows.map((r) => ({ t: r.t_ms, impressions: r.impressions, plays: r.play_start, finishes: r.play_finish, likes: r.likes, shares: r.shares })),
    };
  }
}
