"use client";
import type { Params } from "@/lib/dashboard/query-keys";
import { DEFAULT_REFRESH_SECONDS } from "@/lib/dashboard/schemas";
import type { useRefresh } from "../use-refresh";
import { RefreshControl } from "./refresh-control";
import { TimeZoneSelect } from "./time-zone-select";

/** The zone picker and the auto-refresh control of a live page, both writing to the URL (defaults drop out). */
export function LiveControls(p: { tz: string; refresh: ReturnType<typeof useRefresh>; lastUpdated: number | null; setParams: (changes: Params) => void }) {
  return (
    <>
      <TimeZoneSelect value={p.tz} onChange={(v) => p.setParams({ tz: v === "UTC" ? undefined : v })} />
      <div className="ml-auto">
        <RefreshControl
          seconds={p.refresh.seconds}
          paused={p.refresh.paused}
          lastUpdated={p.lastUpdated}
          onSeconds={(s) => p.setParams({ refresh: s === DEFAULT_REFRESH_SECONDS ? undefined : String(s) })}
          onPaused={p.refresh.setPaused}
        />
      </div>
    </>
  );
}
