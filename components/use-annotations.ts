"use client";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { Annotation } from "@/lib/dashboard/annotations";
import { api } from "@/lib/dashboard/query-keys";

/** Annotations change when someone posts one, not with each commit: a minute's delay is fine. */
const REFRESH_MS = 60_000;
const NONE: readonly Annotation[] = [];

/**
 * The annotations of a chart whose buckets start at `times` (each `bucketMs` wide): the platform's,
 * and `videoId`'s when given. Without the operational store (503) the chart simply has none.
 */
export function useChartAnnotations(times: readonly number[], bucketMs: number, videoId?: string): readonly Annotation[] {
  const from = times[0];
  const to = times.length > 0 ? times.at(-1)! + bucketMs : undefined;
  const q = useQuery({
    ...api.annotations(from ?? 0, to ?? 0, videoId),
    enabled: from !== undefined && to !== undefined,
    refetchInterval: REFRESH_MS,
    placeholderData: keepPreviousData,
    retry: false,
  });
  return q.data?.data ?? NONE;
}
