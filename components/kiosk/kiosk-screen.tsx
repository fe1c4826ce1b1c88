"use client";
import { usePathname } from "next/navigation";
import { fmtTime, zoneLabel } from "@/lib/dashboard/format";
import { useDailyReload } from "./reload";
import { useKioskStatus } from "./use-kiosk-status";

const isDailyTable = (name: string) => name.endsWith(".gold.batch_video_daily");

/**
 * A wall screen's own layer over the page: a strip with the data's watermark, the last commit's
 * age and the clock (large: it is read across a room), and, when the data stops moving, an amber
 * frame round the whole screen with the age in the headline. Recovery needs nobody: the health
 * poll goes on through outages, and the frame goes as soon as a commit is seen again.
 */
export function KioskScreen({ staleMinutes, tz }: { staleMinutes: number; tz: string }) {
  const status = useKioskStatus(staleMinutes, tz);
  useDailyReload();
  const pathname = usePathname();
  // The daily marts' page also watches its own table: yesterday not built by its deadline is stale data too.
  const daily = pathname === "/daily" ? status.health?.tables.find((t) => isDailyTable(t.table)) : undefined;
  const dailyLate = daily !== undefined && !daily.fresh;
  const amber = status.amber || dailyLate;
  const headline = status.headline ?? (dailyLate ? "The daily marts are late: yesterday is not built yet" : null);
  return (
    <>
      {amber && (
        <div
          className="pointer-events-none fixed inset-0 z-50 border-[10px] border-amber-500 shadow-[inset_0_0_40px_rgba(245,158,11,0.45)]"
          data-testid="kiosk-stale-frame"
          aria-hidden
        />
      )}
      {headline && (
        <div
          role="alert"
          className={`fixed inset-x-0 top-0 z-40 px-6 py-3 text-center text-2xl font-semibold ${
            amber ? "bg-amber-500 text-slate-950" : "bg-slate-800 text-white dark:bg-slate-200 dark:text-slate-900"
          }`}
          data-testid="kiosk-headline"
        >
          {headline}
        </div>
      )}
      <div
        // Top right, in the page title's row (empty in kiosk mode: its controls are hidden); under the headline when there is one.
        className={`fixed right-4 z-40 flex items-baseline gap-4 rounded-lg px-4 py-1.5 text-lg shadow ${headline ? "top-16" : "top-3"} ${
          amber ? "bg-amber-500 text-slate-950" : "bg-white/90 text-slate-700 dark:bg-slate-900/90 dark:text-slate-200"
        }`}
        data-testid="kiosk-status"
        data-stale={amber ? "true" : "false"}
      >
        {status.through && <span>{status.through}</span>}
        {status.lastCommitText && <span data-testid="kiosk-commit-age">{status.lastCommitText}</span>}
        <span className="font-semibold tabular-nums" suppressHydrationWarning>
          {fmtTime(status.now, tz)} {zoneLabel(tz, status.now)}
        </span>
      </div>
    </>
  );
}
