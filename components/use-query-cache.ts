"use client";
/**
 * Reads of react-query's cache that neither fetch nor create a query: for a page header that shows
 * what its panels loaded ("updated N s ago", the dates the server resolved) while the server may
 * still be streaming those panels. An observer (useQuery) would create the query empty, and the
 * panel's streamed data would then be hydrated only after its first render, so it would fetch again.
 * The server snapshot is null: the header is rendered before its panels' data.
 */
import { type QueryKey, useQueryClient } from "@tanstack/react-query";
import { useCallback, useSyncExternalStore } from "react";

function useCacheRead<T>(read: () => T, server: T): T {
  const client = useQueryClient();
  const subscribe = useCallback((onChange: () => void) => client.getQueryCache().subscribe(onChange), [client]);
  return useSyncExternalStore(subscribe, read, () => server);
}

/** The data cached under `key`, or null. */
export function useCachedData<T>(key: QueryKey): T | null {
  const client = useQueryClient();
  return useCacheRead(() => client.getQueryData<T>(key) ?? null, null);
}

/** When the newest of these queries last got data (epoch ms), or null. */
export function useDataUpdatedAt(keys: readonly QueryKey[]): number | null {
  const client = useQueryClient();
  return useCacheRead(() => Math.max(0, ...keys.map((k) => client.getQueryState(k)?.dataUpdatedAt ?? 0)) || null, null);
}
