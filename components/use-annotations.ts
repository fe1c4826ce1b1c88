"use client";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { AlertSpan } from "@/lib/dashboard/alerts";
import type { Annotation } from "@/lib/dashboard/annotations";
import { api } from "@/lib/dashboard/query-keys";

/** Annotations change when someone posts one, not with each commit: a minute's delay is fine. */
const ANNOTATIONS_REFRESH_MS = 60_000;
/** Alerts fire on commits (each minute): the chart's mark follows within a quarter of one. */
const ALERTS_REFRESH_MS = 15_000;
const NO_ANNOTATIONS: readonly Annotation[] = [];
const NO_SPANS: readonly AlertSpan[] = [];

export interface ChartNotes {
  readonly annotations: readonly Annotation[];
  readonly alertSpans: readonly AlertSpan[];
}

/**
 * What a chart whose buckets start at `times` (each `bucketMs` wide) marks: the annotations and the
 * alert rules' firing periods, the platform's and `videoId`'s when given. Without the operational
 * store (503) the chart simply has none.
 */
export function useChartAnnotations(times: readonly number[], bucketMs: number, videoId?: string): ChartNotes {
  const from = times[0] ?? 0;
  const to = times.length > 0 ? times.at(-1)! + bucketMs : 0;
  const enabled = times.length > 0;
  const common = { enabled, placeholderData: keepPreviousData, retry: false } as const;
  const notes = useQuery({ ...api.annotations(from, to, videoId), ...common, refetchInterval: ANNOTATIONS_REFRESH_MS });
  const alerts = useQuery({ ...api.alertSpans(from, to, videoId), ...common, refetchInterval: ALERTS_REFRESH_MS });
  return { annotations: notes.data?.data ?? NO_ANNOTATIONS, alertSpans: alerts.data?.data ?? NO_SPANS };
}
