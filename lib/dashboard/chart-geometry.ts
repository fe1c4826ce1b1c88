/**
 * Where a pointer falls on a time chart: TimeChart's plot spans the container minus its insets, and
 * its category axis (boundaryGap false) puts bucket 0 at the left edge and bucket n - 1 at the right.
 * Pure, for the drag-to-zoom and click-a-minute handlers and their tests.
 */
export interface Insets {
  readonly left: number;
  readonly right: number;
}

/** The bucket nearest to x (pixels from the container's left), clamped to the chart. */
export function bucketIndexAt(x: number, width: number, insets: Insets, count: number): number {
  if (count <= 1) return 0;
  const plot = Math.max(1, width - insets.left - insets.right);
  const i = Math.round(((x - insets.left) / plot) * (count - 1));
  return Math.min(count - 1, Math.max(0, i));
}

/** The x (pixels from the container's left) of bucket i: the inverse, for drawing the selection. */
export function bucketX(i: number, width: number, insets: Insets, count: number): number {
  if (count <= 1) return insets.left + Math.max(0, width - insets.left - insets.right) / 2;
  return insets.left + (i / (count - 1)) * Math.max(1, width - insets.left - insets.right);
}

/** A drag from bucket a to bucket b as a time range [from, to): both ends' buckets included. */
export function selectedRange(times: readonly number[], a: number, b: number, bucketMs: number): { from: number; to: number } {
  const lo = Math.min(a, b);
  const hi = Math.max(a, b);
  return { from: times[lo]!, to: times[hi]! + bucketMs };
}
