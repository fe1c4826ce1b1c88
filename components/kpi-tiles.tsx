"use client";
import { change, fmt1, fmtChange, fmtInt, fmtPct } from "@/lib/dashboard/format";
import type { KpiPeriod, PulseKpis } from "@/lib/dashboard/models";

interface Tile {
  readonly key: string;
  readonly label: string;
  readonly value: (p: KpiPeriod) => number | null;
  readonly format: (v: number | null) => string;
}

const TILES: readonly Tile[] = [
  { key: "impressions", label: "Impressions", value: (p) => p.impressions, format: (v) => (v === null ? "—" : fmtInt(v)) },
  { key: "plays", label: "Plays", value: (p) => p.plays, format: (v) => (v === null ? "—" : fmtInt(v)) },
  { key: "completion", label: "Completion rate", value: (p) => p.completionRate, format: fmtPct },
  { key: "likes", label: "Likes / 1k impressions", value: (p) => p.likesPer1k, format: (v) => (v === null ? "—" : fmt1(v)) },
  { key: "shares", label: "Shares / 1k impressions", value: (p) => p.sharesPer1k, format: (v) => (v === null ? "—" : fmt1(v)) },
];

const tone = (delta: number | null) =>
  delta === null ? "text-slate-500" : delta >= 0 ? "text-emerald-600 dark:text-emerald-400" : "text-rose-600 dark:text-rose-400";

export function KpiTiles({ kpis }: { kpis: PulseKpis }) {
  return (
    <div className="grid grid-cols-2 gap-3 md:grid-cols-5">
      {TILES.map((t) => {
        const cur = t.value(kpis.current);
        const delta = change(cur, t.value(kpis.previous));
        const week = kpis.previousWeek ? change(cur, t.value(kpis.previousWeek)) : null;
        return (
          <div key={t.key} className="rounded-md bg-slate-50 p-3 dark:bg-slate-950" data-testid={`kpi-${t.key}`}>
            <div className="text-xs text-slate-500">{t.label}</div>
            <div className="mt-1 text-2xl font-semibold" data-testid="kpi-value">
              {t.format(cur)}
            </div>
            <div className={`mt-1 text-xs ${tone(delta)}`} data-testid="kpi-change">
              {fmtChange(delta)}
            </div>
            <div className={`text-xs ${tone(week)}`} data-testid="kpi-change-week">
              {fmtChange(week, "a week earlier", kpis.previousWeek === null ? "week earlier unavailable" : "no data a week earlier")}
            </div>
          </div>
        );
      })}
    </div>
  );
}
