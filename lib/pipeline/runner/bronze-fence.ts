/**
 * Lets the live micro-batch read Bronze up to "now" instead of now - COMMIT_SAFETY_MS, when the only
 * Bronze writer is this process's own Kafka ingest.
 *
 * Why the margin exists (lib/pipeline/rt/microbatch.ts): a Bronze write is stamped ingested_at = its
 * statement's start and commits up to its limit later, so a batch that read up to "now" could pass
 * over rows that commit after it read. That cannot happen when the micro-batch reads Trino's clock
 * while no ingest write is in flight: every write before the read has committed, and every write after
 * it starts (and is stamped) later. The fence serializes exactly those two things, the ingest's write
 * and the micro-batch's clock read; the micro-batch's own statements then run beside the next ingests.
 *
 * It falls back to the margin, which is always safe:
 *   - for COMMIT_SAFETY_MS after the fence is made (a previous process may have died mid-write, and
 *     its statement can still commit inside Trino until its limit), and after any failed write (the
 *     client gave up, Trino may not have yet);
 *   - when an ingest holds the fence longer than the micro-batch will wait (a catch-up after an
 *     outage), so the minute's batch is not delayed behind it.
 */
import { Mutex } from "./mutex";

/** What the micro-batch reads Bronze through, and whether the fence allowed "now". */
export interface BronzeThrough {
  readonly throughMs: number;
  readonly settled: boolean;
}

export class BronzeWriteFence {
  private readonly mutex = new Mutex();
  private unsettledUntil: number;
  private readonly clock: () => number;

  constructor(
    /** COMMIT_SAFETY_MS in the pipeline; the time a write may still commit after its client gave up. */
    private readonly safetyMs: number,
    opts: {
      /** False only when no other process can have a Bronze write in flight (a test's own lakehouse). */
      readonly unsettledAtStart?: boolean;
      readonly clock?: () => number;
    } = {},
  ) {
    this.clock = opts.clock ?? Date.now;
    this.unsettledUntil = opts.unsettledAtStart === false ? Number.NEGATIVE_INFINITY : this.clock() + safetyMs;
  }

  /** Runs one Bronze write with the micro-batch's clock read held off. */
  async write<T>(fn: () => Promise<T>): Promise<T> {
    const release = await this.mutex.acquire();
    try {
      return await fn();
    } catch (err) {
      this.unsettledUntil = Math.max(this.unsettledUntil, this.clock() + this.safetyMs);
      throw err;
    } finally {
      release();
    }
  }

  /**
   * Where the micro-batch may read Bronze through: 1 ms before Trino's "now" (a write starting in the
   * same millisecond is stamped with it), read with no write in flight; else now - safety.
   */
  async through(trinoNowMs: () => Promise<number>, waitMs: number): Promise<BronzeThrough> {
    const release = await this.mutex.acquire(waitMs);
    if (!release) return { throughMs: Math.floor(await trinoNowMs()) - this.safetyMs, settled: false };
    try {
      const now = Math.floor(await trinoNowMs());
      if (this.clock() < this.unsettledUntil) return { throughMs: now - this.safetyMs, settled: false };
      return { throughMs: now - 1, settled: true };
    } finally {
      release();
    }
  }
}
