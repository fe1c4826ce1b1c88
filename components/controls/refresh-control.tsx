"use client";
import { useEffect, useState } from "react";
import { REFRESH_CHOICES, type RefreshSeconds } from "@/lib/dashboard/param-values";

interface Props {
  readonly seconds: RefreshSeconds;
  readonly paused: boolean;
  readonly lastUpdated: number | null;
  readonly onSeconds: (s: RefreshSeconds) => void;
  readonly onPaused: (p: boolean) => void;
}

const label = (s: number) => (s < 60 ? `${s} s` : `${s / 60} min`);

/** Auto-refresh period (in the URL) and pause/resume (per tab). Polling also stops while the tab is hidden. */
export function RefreshControl(p: Props) {
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    setNow(Date.now());
    const id = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(id);
  }, []);
  const ago = p.lastUpdated !== null && now !== null ? Math.max(0, Math.round((now - p.lastUpdated) / 1000)) : null;
  return (
    <div className="flex items-center gap-2 text-sm">
      <button
        type="button"
        onClick={() => p.onPaused(!p.paused)}
        className="rounded border border-slate-300 px-2 py-1 dark:border-slate-700"
        aria-pressed={p.paused}
        data-testid="pause"
      >
        {p.paused ? "▶ Resume" : "❚❚ Pause"}
      </button>
      <select
        aria-label="refresh every"
        value={p.seconds}
        onChange={(e) => p.onSeconds(Number(e.target.value) as RefreshSeconds)}
        className="rounded border border-slate-300 bg-transparent px-2 py-1 dark:border-slate-700 dark:bg-slate-900"
      >
        {REFRESH_CHOICES.map((s) => (
          <option key={s} value={s}>
            every {label(s)}
          </option>
        ))}
      </select>
      {ago !== null && <span className="text-xs text-slate-500">{p.paused ? "paused" : `updated ${ago} s ago`}</span>}
    </div>
  );
}
