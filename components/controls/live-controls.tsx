"use client";
import type { RefreshSeconds } from "@/lib/dashboard/param-values";
import type { Live } from "../live/use-live";
import { RefreshControl } from "./refresh-control";
import { TimeZoneSelect } from "./time-zone-select";

/** The zone picker and the live/refresh controls of a live page, writing to the URL (defaults drop out there). */
export function LiveControls(p: {
  tz: string;
  live: Live;
  lastUpdated: number | null;
  setParams: (changes: { tz?: string; refresh?: RefreshSeconds }) => unknown;
}) {
  return (
    <>
      <TimeZoneSelect value={p.tz} onChange={(tz) => p.setParams({ tz })} />
      <div className="ml-auto">
        <RefreshControl live={p.live} lastUpdated={p.lastUpdated} onSeconds={(refresh) => p.setParams({ refresh })} />
      </div>
    </>
  );
}
