"use client";
import { useEffect, useState } from "react";
import type { ResultMeta } from "@/lib/dashboard/envelope";
import { fmtBehind, fmtTime, zoneLabel } from "@/lib/dashboard/format";
import { rtLoadingText } from "@/lib/dashboard/rt-progress";

/**
 * "complete through 12:03 UTC, 1 min behind" (RT) or "built through 2026-11-23 (UTC days)" (daily);
 * before the first micro-batch commits, "loading history: 3 of 8 days" (no minute is closed yet).
 */
export function WatermarkLabel({ meta, tz, kind }: { meta: ResultMeta; tz: string; kind: "minute" | "day" }) {
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    setNow(Date.now());
    const id = setInterval(() => setNow(Date.now()), 15_000);
    return () => clearInterval(id);
  }, []);
  if (meta.rtLoading) {
    return (
      <span
        className="text-xs text-amber-600 dark:text-amber-400"
        data-testid="watermark"
        title="No micro-batch has committed yet, so no minute is closed and processed."
      >
        {rtLoadingText(meta.rtLoading.seed)}
      </span>
    );
  }
  if (meta.watermark === null) return <span className="text-xs text-slate-500">no data yet</span>;
  if (kind === "day") {
    const lastDay = new Date(meta.watermark - 86_400_000).toISOString().slice(0, 10);
    return (
      <span className="text-xs text-slate-500" data-testid="watermark">
        built through {lastDay} (UTC days)
      </span>
    );
  }
  return (
    <span className="text-xs text-slate-500" data-testid="watermark" title="The end of the last closed, aggregated minute; later minutes are not drawn.">
      complete through {fmtTime(meta.watermark, tz)} {zoneLabel(tz, meta.watermark)}
      {now !== null && `, ${fmtBehind(meta.watermark, now)}`}
    </span>
  );
}
