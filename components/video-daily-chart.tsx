"use client";
import { useMemo } from "react";
import type { CsvColumn } from "@/lib/dashboard/csv";
import { fmt2, fmtPct } from "@/lib/dashboard/format";
import type { VideoDay } from "@/lib/dashboard/models";
import { DAY_MS } from "@/lib/dashboard/param-values";
import { TimeChart } from "./charts/time-chart";
import { useChartAnnotations } from "./use-annotations";

export const VIDEO_DAILY_CSV_COLUMNS: readonly CsvColumn<VideoDay>[] = [
  { header: "Date (UTC)", value: (r) => r.date },
  { header: "Category that day", value: (r) => r.category },
  { header: "Watch hours", value: (r) => r.watchHours },
  { header: "Completion", value: (r) => r.completionRate },
  { header: "Unique viewers", value: (r) => r.uniqueViewers },
  { header: "D1 retention", value: (r) => r.retentionD1 },
];

/**
 * The video's days in the mart, oldest first: watch hours on the left axis, completion and D1
 * retention on the right. A day whose retention is not known yet is a gap that says so, never a 0.
 */
export function VideoDailyChart({ rows, videoId }: { rows: readonly VideoDay[]; videoId?: string }) {
  const d = useMemo(() => {
    const days = [...rows].sort((a, b) => a.date.localeCompare(b.date));
    return {
      times: days.map((r) => Date.parse(`${r.date}T00:00:00Z`)),
      series: [
        { name: "Watch hours", values: days.map((r) => r.watchHours), format: fmt2 },
        { name: "Completion", values: days.map((r) => r.completionRate), axis: "right" as const, format: (v: number) => fmtPct(v) },
        {
          name: "D1 retention",
          values: days.map((r) => r.retentionD1),
          axis: "right" as const,
          format: (v: number) => fmtPct(v),
          nullLabel: "not yet known (the next day is not complete)",
        },
      ],
    };
  }, [rows]);
  const newest = rows.reduce<VideoDay | null>((a, r) => (a === null || r.date > a.date ? r : a), null);
  // The platform's annotations and the video's own, on the UTC day they fall in.
  const notes = useChartAnnotations(d.times, DAY_MS, videoId);
  return (
    <div>
      <TimeChart
        times={d.times}
        series={d.series}
        tz="UTC"
        withDate="only"
        rightAxisFormat={(v) => fmtPct(v)}
        height={240}
        testId="video-daily-chart"
        {...notes}
        bucketMs={DAY_MS}
      />
      {newest && newest.retentionD1 === null && (
        <p className="text-xs text-slate-500" data-testid="retention-pending">
          D1 retention of {newest.date} is not yet known: it needs the whole next UTC day.
        </p>
      )}
    </div>
  );
}
