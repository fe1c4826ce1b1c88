"use client";
import { useQuery } from "@tanstack/react-query";
import type { Health } from "@/lib/dashboard/models";

/**
 * /api/health, polled every 10 s: one request however many widgets read it (the nav's dot, a wall
 * screen's frame). A 503 (Trino unreachable) still carries a Health body; no answer, or one that is
 * not JSON, is an error.
 */
export function useHealth() {
  return useQuery({
    queryKey: ["/api/health"],
    queryFn: async ({ signal }) => (await fetch("/api/health", { signal })).json() as Promise<Health>,
    refetchInterval: 10_000,
  });
}
