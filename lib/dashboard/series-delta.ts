/**
 * Deltas of a time series keyed by t (epoch ms), as the live stream sends them after each commit
 * instead of the whole series: the browser applies them, the server builds them.
 *
 *   apply(prev, { dropBefore, upsert }) = the points of prev and upsert with t >= dropBefore, an
 *   upserted point replacing prev's point of the same t, sorted by t.
 *
 * A delta cannot remove a point at or after dropBefore; diffSeries says so (null) and the sender
 * then sends the whole series. Pure and isomorphic: no server-only import.
 */
import type { PlatformSeries } from "./models";

export interface Timed {
  readonly t: number;
}

export interface SeriesDelta<P extends Timed> {
  /** Points with t < dropBefore leave the series (the range slid forward). */
  readonly dropBefore: number;
  /** New or changed points; each replaces the point of the same t. */
  readonly upsert: readonly P[];
}

export function applySeriesDelta<P extends Timed>(prev: readonly P[], delta: SeriesDelta<P>): P[] {
  const byT = new Map<number, P>();
  for (const p of prev) if (p.t >= delta.dropBefore) byT.set(p.t, p);
  for (const p of delta.upsert) if (p.t >= delta.dropBefore) byT.set(p.t, p);
  return [...byT.values()].sort((a, b) => a.t - b.t);
}

/** The same for a Pulse series: the bucket is part of the stream's key, so it never changes in a delta. */
export function applyPlatformDelta(prev: PlatformSeries, delta: SeriesDelta<PlatformSeries["points"][number]>): PlatformSeries {
  return { bucket: prev.bucket, points: applySeriesDelta(prev.points, delta) };
}

/** Points are flat records of numbers and nulls, so a shallow comparison is exact. */
function samePoint(a: object, b: object): boolean {
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => Object.is((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/**
 * The smallest delta taking prev to next (next sorted by t, without repeats), or null when none
 * exists: prev has a point at or after next's first t that next lacks.
 */
export function diffSeries<P extends Timed>(prev: readonly P[], next: readonly P[]): SeriesDelta<P> | null {
  const first = next[0];
  const last = prev[prev.length - 1];
  const dropBefore = first !== undefined ? first.t : last !== undefined ? last.t + 1 : 0;
  const nextByT = new Map(next.map((p) => [p.t, p]));
  const kept = new Map<number, P>();
  for (const p of prev) {
    if (p.t < dropBefore) continue;
    if (!nextByT.has(p.t)) return null;
    kept.set(p.t, p);
  }
  const upsert = next.filter((p) => {
    const old = kept.get(p.t);
    return old === undefined || !samePoint(old, p);
  });
  return { dropBefore, upsert };
}

/** Drop points with t < dropBefore, replace points with the same t, insert new ones; sorted by t (the stream's `points` delta). */
export function applyPointsDelta<P extends Timed>(points: readonly P[], dropBefore: number, upsert: readonly P[]): P[] {
  return applySeriesDelta(points, { dropBefore, upsert });
}
