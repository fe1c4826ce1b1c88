/**
 * A series panel's live update (the stream's `points` delta, /api/live/*): the window moved to
 * start at `dropBefore` and `upsert` holds the new or corrected buckets. Pure, returns a new array.
 */

/** Drop points with t < dropBefore, replace points with the same t, insert new ones; sorted by t. */
export function applyPointsDelta<P extends { readonly t: number }>(points: readonly P[], dropBefore: number, upsert: readonly P[]): P[] {
  const byT = new Map<number, P>();
  // Older than the window: gone, whether already drawn or (oddly) sent again.
  for (const p of points) if (p.t >= dropBefore) byT.set(p.t, p);
  for (const p of upsert) if (p.t >= dropBefore) byT.set(p.t, p);
  return [...byT.values()].sort((a, b) => a.t - b.t);
}
