"use client";
import Link from "next/link";
import { dailyHref } from "@/app/daily/search-params";
import { fmtInt, fmtPct } from "@/lib/dashboard/format";
import type { PlatformRetentionDay } from "@/lib/dashboard/models";
import { nextDate, retentionTile } from "@/lib/dashboard/retention";

const points = (p: number) => `${p >= 0 ? "+" : "−"}${Math.abs(p).toFixed(1)} pts`;

/** The platform's newest known D1 retention and the day before's, linking to the daily marts. */
export function PlatformRetentionTile({ days }: { days: readonly PlatformRetentionDay[] }) {
  const t = retentionTile(days);
  const tone = t.changePoints === null ? "text-slate-500" : t.changePoints >= 0 ? "text-emerald-600 dark:text-emerald-400" : "text-rose-600 dark:text-rose-400";
  return (
    <Link
      href={dailyHref("/daily", { metric: "retention_d1" })}
      className="block rounded-md bg-slate-50 p-3 hover:bg-slate-100 dark:bg-slate-950 dark:hover:bg-slate-800"
      data-testid="retention-tile"
    >
      {t.latest ? (
        <>
          <div className="text-xs text-slate-500">
            {t.latest.date}&apos;s viewers back on {nextDate(t.latest.date)}
          </div>
          <div className="mt-1 text-2xl font-semibold" data-testid="retention-latest">
            {fmtPct(t.latest.retentionD1)}
          </div>
          <div className="text-xs text-slate-500">
            {fmtInt(t.latest.retainedViewers ?? 0)} of {fmtInt(t.latest.cohortViewers)} viewers
          </div>
          {t.previous && (
            <div className={`mt-1 text-xs ${tone}`} data-testid="retention-previous">
              {t.changePoints === null ? "" : `${points(t.changePoints)} `}vs {fmtPct(t.previous.retentionD1)} on {t.previous.date}
            </div>
          )}
        </>
      ) : (
        <div className="text-sm text-slate-500">No day&apos;s D1 retention is known yet: it needs two complete days.</div>
      )}
      {t.pending && (
        <div className="mt-1 text-xs text-slate-400" data-testid="retention-pending">
          {t.pending.date}: known once {nextDate(t.pending.date)} is complete
        </div>
      )}
    </Link>
  );
}
