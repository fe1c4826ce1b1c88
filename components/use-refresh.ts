"use client";
import { keepPreviousData } from "@tanstack/react-query";
import { useState } from "react";
import type { RefreshSeconds } from "@/lib/dashboard/param-values";

/**
 * Polling options shared by a page's live panels: the period from the URL (`refresh`, already
 * parsed by the page's search-params), pause per tab, no polling in background tabs, and the
 * previous data kept on screen while new data loads.
 */
export function useRefresh(seconds: RefreshSeconds) {
  const [paused, setPaused] = useState(false);
  const options = {
    refetchInterval: paused ? (false as const) : seconds * 1000,
    refetchIntervalInBackground: false,
    placeholderData: keepPreviousData,
  };
  return { seconds, paused, setPaused, options };
}
