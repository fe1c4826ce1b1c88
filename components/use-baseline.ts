"use client";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { Envelope } from "@/lib/dashboard/envelope";
import type { ApiRoute } from "@/lib/dashboard/query-keys";

/**
 * A chart's comparison overlay (route undefined: off), fetched again whenever the chart's own
 * watermark moves, so the overlay slides with a preset range; the previous overlay stays drawn meanwhile.
 */
export function useBaseline<T>(route: ApiRoute<T> | undefined, watermark: number | null | undefined) {
  const q = useQuery({
    queryKey: [...(route?.queryKey ?? ["baseline", "off"]), watermark ?? null],
    queryFn: route?.queryFn ?? (() => Promise.reject(new Error("no comparison"))),
    enabled: route !== undefined && watermark !== undefined,
    placeholderData: keepPreviousData,
  });
  return {
    data: route ? (q.data as Envelope<T> | undefined)?.data : undefined,
    error: route && q.isError ? (q.error as Error).message : undefined,
  };
}
