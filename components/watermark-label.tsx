"use client";
import { useEffect, useState } from "react";
import type { ResultMeta } from "@/lib/dashboard/envelope";
import { fmtBehind, fmtTime, zoneLabel } from "@/lib/dashboard/format";

/** "complete through 12:03 UTC, 1 min behind" (RT) or "built through 2026-11-23 (UTC days)" (daily). */
export function WatermarkLabel({ meta, tz, kind }: { meta: ResultMeta; tz: string; kind: "minute" | "day" }) {
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    setNow(Date.now());
    const id = setInterval(() => setNow(Date.now()), 15_000);
    return () => clearInterval(id);
  }, []);
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
