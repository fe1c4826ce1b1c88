/**
 * Dashboard load during the soak (issue 13, point 2): now and then one client fires 300 distinct
 * custom ranges at once, timed to land as the minute's micro-batch starts (:25), which is what once
 * failed pipeline jobs. Each request gets data or a 503 with Retry-After; the soak counts both and
 * checks that no job failed outside a fault's window.
 */
import { Rng } from "../../lib/pipeline/simulator/rng";
import { distinctRanges, rangeQuery } from "../bench/live/ranges";

export const BURST_SIZE = 300;
/** The micro-batch starts at second 25 of each minute (lib/pipeline/runner/live.ts). */
const LAND_AT_SECOND = 24;

export interface BurstOutcome {
  readonly atMs: number;
  readonly data: number;
  readonly refused503: number;
  readonly other: number;
  /** Every answer's status (0: no answer, the connection failed), with its count. */
  readonly statuses: Readonly<Record<string, number>>;
}

function countEach(xs: readonly number[]): Record<string, number> {
  const m: Record<string, number> = {};
  for (const x of xs) m[x] = (m[x] ?? 0) + 1;
  return m;
}

/** Waits for the next :24 of a minute, then sends BURST_SIZE distinct ranges at once. */
export async function burst(base: string, seed: number, seen: Set<string>): Promise<BurstOutcome> {
  const now = Date.now();
  const inMinute = now % 60_000;
  await new Promise((r) => setTimeout(r, (LAND_AT_SECOND * 1000 - inMinute + 60_000) % 60_000));
  const atMs = Date.now();
  const ranges = distinctRanges(BURST_SIZE, atMs, new Rng(seed, "soak-burst"), seen);
  const statuses = await Promise.all(
    ranges.map(async (r) => {
      try {
        const res = await fetch(new URL(`/api/pulse/series?${rangeQuery(r)}`, base), { signal: AbortSignal.timeout(60_000) });
        await res.arrayBuffer();
        return res.status;
      } catch {
        return 0;
      }
    }),
  );
  return {
    atMs,
    data: statuses.filter((s) => s === 200).length,
    refused503: statuses.filter((s) => s === 503).length,
    other: statuses.filter((s) => s !== 200 && s !== 503).length,
    statuses: countEach(statuses),
  };
}
