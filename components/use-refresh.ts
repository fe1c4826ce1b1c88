"use client";
import { keepPreviousData } from "@tanstack/react-query";
import { useState } from "react";
import type { Params } from "@/lib/dashboard/query-keys";
import { DEFAULT_REFRESH_SECONDS, refreshSchema } from "@/lib/dashboard/schemas";

/**
 * Polling options shared by a page's live panels: the period from the URL, pause per tab, no
 * polling in background tabs, and the previous data kept on screen while new data loads.
 */
export function useRefresh(params: Params) {
  const parsed = refreshSchema.safeParse(params.refresh);
  const seconds = parsed.success ? parsed.data : DEFAULT_REFRESH_SECONDS;
  const [paused, setPaused] = useState(false);
  const options = {
    refetchInterval: paused ? (false as const) : seconds * 1000,
    refetchIntervalInBackground: false,
    placeholderData: keepPreviousData,
  };
  return { seconds, paused, setPaused, options };
}
