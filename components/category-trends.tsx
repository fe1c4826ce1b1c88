"use client";
import { useMemo } from "react";
import type { CsvColumn } from "@/lib/dashboard/csv";
import { fmt2, fmtInt, fmtPct } from "@/lib/dashboard/format";
import type { CategoryDay } from "@/lib/dashboard/models";
import type { TrendMetric } from "@/lib/dashboard/param-values";
import { DAY_MS } from "@/lib/dashboard/param-values";
import { TimeChart } from "./charts/time-chart";
import { useChartAnnotations } from "./use-annotations";

export const CATEGORY_CSV_COLUMNS: readonly CsvColumn<CategoryDay>[] = [
  { header: "Date (UTC)", value: (r) => r.date },
  { header: "Category", value: (r) => r.category },
  { header: "Watch hours", value: (r) => r.watchHours },
  { header: "Unique viewers", value: (r) => r.uniqueViewers },
  { header: "Completion", value: (r) => r.completionRate },
  { header: "D1 retention", value: (r) => r.retentionD1 },
  { header: "Videos", value: (r) => r.videos },
];

const METRIC_VALUE: Record<TrendMetric, (x: CategoryDay) => number | null> = {
  watch_hours: (x) => x.watchHours,
  unique_viewers: (x) => x.uniqueViewers,
  completion_rate: (x) => x.completionRate,
  retention_d1: (x) => x.retentionD1,
};
const METRIC_FORMAT: Record<TrendMetric, (v: number) => string> = {
  watch_hours: fmt2,
  unique_viewers: fmtInt,
  completion_rate: (v) => fmtPct(v),
  retention_d1: (v) => fmtPct(v),
};

export function CategoryTrends({ days, metric }: { days: readonly CategoryDay[]; metric: TrendMetric }) {
  const d = useMemo(() => {
    const dates = [...new Set(days.map((x) => x.date))].sort();
    const cats = [...new Set(days.map((x) => x.category))].sort();
    const byKey = new Map(days.map((x) => [`${x.date}|${x.category}`, x]));
    const value = (x: CategoryDay | undefined) => (x === undefined ? null : METRIC_VALUE[metric](x));
    const format = METRIC_FORMAT[metric];
    // A category with a row but no known retention that day waits for the next day; without a row it had no video.
    const nullLabel = (c: string) => (i: number) => (metric === "retention_d1" && byKey.has(`${dates[i]}|${c}`) ? "not yet known" : "—");
    return {
      times: dates.map((x) => Date.parse(`${x}T00:00:00Z`)),
      series: cats.map((c) => ({ name: c, values: dates.map((x) => value(byKey.get(`${x}|${c}`))), format, nullLabel: nullLabel(c) })),
    };
  }, [days, metric]);
  const rate = metric === "completion_rate" || metric === "retention_d1";
  // Deploys, incidents and alert periods of these days, on the day they fall in (UTC days).
  const notes = useChartAnnotations(d.times, DAY_MS);
  return (
    <TimeChart
      {...notes}
      bucketMs={DAY_MS}
      times={d.times}
      series={d.series}
      tz="UTC"
      withDate="only"
      leftAxisFormat={rate ? (v) => `${Math.round(v * 100)}%` : undefined}
      height={300}
      testId="category-trends-chart"
    />
  );
}
