/**
 * Where annotations fall on a time chart whose x axis is bucket start times: a point marks the
 * bucket holding its minute, a span shades the buckets from its start's to its end's (clipped to the
 * chart). Annotations wholly outside the chart's buckets are left out. Pure, for the chart and its
 * server-rendered preview alike.
 */
import type { Annotation, AnnotationKind } from "./annotations";

export interface AnnotationMark {
  readonly id: number;
  readonly kind: AnnotationKind;
  readonly label: string;
  /** Bucket index of a point, or of a span's first bucket. */
  readonly from: number;
  /** A span's last bucket index; equal to `from` for a point. */
  readonly to: number;
  readonly span: boolean;
}

/** The colour of each kind, on both themes. */
export const ANNOTATION_COLORS: Readonly<Record<AnnotationKind, string>> = { deploy: "#2563eb", incident: "#dc2626", note: "#64748b" };

/** Index of the last bucket starting at or before `t`; -1 when `t` is before the first. */
function bucketAt(times: readonly number[], t: number): number {
  let lo = 0;
  let hi = times.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (times[mid]! <= t) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** `bucketMs`: the width of a bucket, so a moment inside the last bucket still falls on the chart. */
export function annotationMarks(times: readonly number[], bucketMs: number, annotations: readonly Annotation[]): AnnotationMark[] {
  if (times.length === 0) return [];
  const first = times[0]!;
  const end = times.at(-1)! + bucketMs;
  const marks: AnnotationMark[] = [];
  for (const a of annotations) {
    const last = a.endsAt ?? a.at;
    if (last < first || a.at >= end) continue;
    const from = Math.max(0, bucketAt(times, a.at));
    const to = Math.max(from, bucketAt(times, Math.min(last, end - 1)));
    marks.push({ id: a.id, kind: a.kind, label: `${a.kind}: ${a.text}`.slice(0, 80), from, to, span: a.endsAt !== null });
  }
  return marks;
}
