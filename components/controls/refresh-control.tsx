"use client";
import { useEffect, useState } from "react";
import { liveLabel } from "@/lib/dashboard/live-machine";
import { REFRESH_CHOICES, type RefreshSeconds } from "@/lib/dashboard/param-values";
import type { Live } from "../live/use-live";

const label = (s: number) => (s < 60 ? `${s} s` : `${s / 60} min`);

const DOT: Record<Live["state"]["mode"], string> = {
  live: "bg-emerald-500",
  connecting: "bg-sky-400 animate-pulse",
  reconnecting: "bg-amber-500 animate-pulse",
  paused: "bg-slate-400",
  hidden: "bg-slate-400",
  polling: "bg-sky-500",
};

/**
 * How the page stays current: live (the stream), reconnecting, paused, or polling when the stream
 * is unavailable; pause/resume (per tab); and the polling period (in the URL), which only matters
 * for that fallback, and says so.
 */
export function RefreshControl({ live, lastUpdated, onSeconds }: { live: Live; lastUpdated: number | null; onSeconds: (s: RefreshSeconds) => void }) {
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    setNow(Date.now());
    const id = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(id);
  }, []);
  const ago = lastUpdated !== null && now !== null ? Math.max(0, Math.round((now - lastUpdated) / 1000)) : null;
  const { mode, degraded } = live.state;
  const polling = mode === "polling";
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm">
      <span className="flex items-center gap-1.5 text-xs" data-testid="live-state" data-mode={mode} title={degraded ?? undefined} role="status">
        <span className={`inline-block h-2 w-2 rounded-full ${degraded ? "bg-amber-500" : DOT[mode]}`} />
        {liveLabel(live.state, live.seconds)}
      </span>
      <button
        type="button"
        onClick={() => live.setPaused(!live.paused)}
        className="rounded border border-slate-300 px-2 py-1 dark:border-slate-700"
        aria-pressed={live.paused}
        data-testid="pause"
      >
        {live.paused ? "▶ Resume" : "❚❚ Pause"}
      </button>
      <label
        className={`flex items-center gap-1 text-xs ${polling ? "" : "text-slate-500"}`}
        title="The live stream pushes each new minute; this period is used only while it is unavailable."
      >
        {polling ? "poll every" : "if the stream drops, poll every"}
        <select
          aria-label="refresh every"
          value={live.seconds}
          onChange={(e) => onSeconds(Number(e.target.value) as RefreshSeconds)}
          className="rounded border border-slate-300 bg-transparent px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-900"
        >
          {REFRESH_CHOICES.map((s) => (
            <option key={s} value={s}>
              {label(s)}
            </option>
          ))}
        </select>
      </label>
      {ago !== null && !live.paused && <span className="text-xs text-slate-500">updated {ago} s ago</span>}
    </div>
  );
}
