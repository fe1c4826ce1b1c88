"use client";
import { keepPreviousData } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import type { PanelKeys } from "@/lib/dashboard/live-apply";
import type { RefreshSeconds } from "@/lib/dashboard/param-values";
import { useLiveStream } from "./use-live-stream";

/**
 * How a live page's panels stay current: its stream (use-live-stream.ts) while it works, polling
 * every `refresh` seconds (the URL's period) only when it does not. Pause is per tab and stops
 * both; a hidden tab neither streams nor polls. The options go into each live panel's useQuery.
 */
export function useLive({
  stream,
  seconds,
}: {
  stream: { url: string; panels: Readonly<Record<string, { queryKey: readonly unknown[] }>> };
  seconds: RefreshSeconds;
}) {
  const [paused, setPaused] = useState(false);
  const keys: PanelKeys = useMemo(() => Object.fromEntries(Object.entries(stream.panels).map(([name, route]) => [name, route.queryKey])), [stream.panels]);
  const state = useLiveStream({ url: stream.url, panels: keys, paused });
  const polling = state.mode === "polling" && !paused;
  const options = {
    refetchInterval: polling ? seconds * 1000 : (false as const),
    refetchIntervalInBackground: false,
    // While the stream (or a pause) decides, the cached data is current: no refetch on focus or remount.
    refetchOnWindowFocus: polling,
    staleTime: polling ? 5_000 : Number.POSITIVE_INFINITY,
    placeholderData: keepPreviousData,
  };
  return { seconds, paused, setPaused, state, options };
}

export type Live = ReturnType<typeof useLive>;
