/**
 * Where annotations fall on a time chart whose x axis is bucket start times: a point marks the
 * bucket holding its minute, a span shades the buckets from its start's to its end's (clipped to the
 * chart). Annotations wholly outside the chart's buckets are left out. Pure, for the chart and its
 * server-rendered preview alike.
 */
import type { AlertSpan } from "./alerts";
import type { Annotation, AnnotationKind } from "./annotations";

/** What a mark is: an annotation's kind, or the firing period of an alert rule. */
export type MarkKind = AnnotationKind | "alert";

export interface AnnotationMark {
  /** The annotation's id; an alert span's is negative (-1, -2 …), so the two never collide as keys. */
  readonly id: number;
  readonly kind: MarkKind;
  readonly label: string;
  /** Bucket index of a point, or of a span's first bucket. */
  readonly from: number;
  /** A span's last bucket index; equal to `from` for a point. */
  readonly to: number;
  readonly span: boolean;
}

/** The colour of each kind, on both themes. */
export const ANNOTATION_COLORS: Readonly<Record<MarkKind, string>> = { deploy: "#2563eb", incident: "#dc2626", note: "#64748b", alert: "#ea580c" };

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

/**
 * An alert rule's firing periods as spans: from the bucket of the minute it fired to the bucket of
 * the minute it resolved, or to the chart's end while it still fires.
 */
export function alertMarks(times: readonly number[], bucketMs: number, spans: readonly AlertSpan[]): AnnotationMark[] {
  if (times.length === 0) return [];
  const first = times[0]!;
  const end = times.at(-1)! + bucketMs;
  const marks: AnnotationMark[] = [];
  spans.forEach((s, i) => {
    const last = s.to ?? end - 1;
    if (last < first || s.from >= end) return;
    const from = Math.max(0, bucketAt(times, s.from));
    const to = Math.max(from, bucketAt(times, Math.min(last, end - 1)));
    marks.push({ id: -(i + 1), kind: "alert", label: `alert: ${s.ruleName}${s.to === null ? " (firing)" : ""}`.slice(0, 80), from, to, span: true });
  });
  return marks;
}
