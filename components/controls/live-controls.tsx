"use client";
import type { RefreshSeconds } from "@/lib/dashboard/param-values";
import type { useRefresh } from "../use-refresh";
import { RefreshControl } from "./refresh-control";
import { TimeZoneSelect } from "./time-zone-select";

/** The zone picker and the auto-refresh control of a live page, both writing to the URL (defaults drop out there). */
export function LiveControls(p: {
  tz: string;
  refresh: ReturnType<typeof useRefresh>;
  lastUpdated: number | null;
  setParams: (changes: { tz?: string; refresh?: RefreshSeconds }) => unknown;
}) {
  return (
    <>
      <TimeZoneSelect value={p.tz} onChange={(tz) => p.setParams({ tz })} />
      <div className="ml-auto">
        <RefreshControl
          seconds={p.refresh.seconds}
          paused={p.refresh.paused}
          lastUpdated={p.lastUpdated}
          onSeconds={(refresh) => p.setParams({ refresh })}
          onPaused={p.refresh.setPaused}
        />
      </div>
    </>
  );
}
