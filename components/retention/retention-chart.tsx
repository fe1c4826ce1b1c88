"use client";
import { useMemo } from "react";
import { type ChartSeries, TimeChart } from "@/components/charts/time-chart";
import type { CsvColumn } from "@/lib/dashboard/csv";
import { fmtInt, fmtPct } from "@/lib/dashboard/format";
import type { DailyRetention, RetentionSeries } from "@/lib/dashboard/models";
import { DAY_MS } from "@/lib/dashboard/param-values";
import { useChartAnnotations } from "../use-annotations";

const axisPct = (v: number) => `${Math.round(v * 100)}%`;
const NOT_YET_KNOWN = "not yet known (the next day is not complete)";

interface CsvRow {
  readonly series: string;
  readonly date: string;
  readonly retentionD1: number | null;
  readonly viewers: number;
}

/** The panel's CSV: every point drawn plus each series' whole-range row (date "range"), raw ratios. */
export const RETENTION_CSV_COLUMNS: readonly CsvColumn<CsvRow>[] = [
  { header: "Series", value: (r) => r.series },
  { header: "Date (UTC)", value: (r) => r.date },
  { header: "D1 retention", value: (r) => r.retentionD1 },
  { header: "Viewers (weights)", value: (r) => r.viewers },
];

export function retentionCsvRows(series: readonly RetentionSeries[]): CsvRow[] {
  return series.flatMap((s) => [
    ...s.days.map((d) => ({ series: s.name, date: d.date, retentionD1: d.retentionD1, viewers: d.viewers })),
    { series: s.name, date: "range", retentionD1: s.range.retentionD1, viewers: s.range.viewers },
  ]);
}

/**
 * Platform D1 retention per day (exact) with each category's (viewer-weighted over its videos) on
 * the same percent axis, and below them the whole range's figure of each line.
 */
export function RetentionChart({ data }: { data: DailyRetention }) {
  const chart = useMemo(() => {
    const dates = [...new Set(data.series.flatMap((s) => s.days.map((d) => d.date)))].sort();
    // A day is still open when the platform's retention of it is unknown; a category without a point
    // on a closed day simply had no video with viewers.
    const platform = data.series.find((s) => s.kind === "platform");
    const open = new Set(platform?.days.filter((d) => d.retentionD1 === null).map((d) => d.date));
    const nullLabel = (i: number) => (open.has(dates[i]!) ? NOT_YET_KNOWN : "—");
    const series: ChartSeries[] = data.series.map((s) => {
      const byDate = new Map(s.days.map((d) => [d.date, d.retentionD1]));
      return { name: s.name, values: dates.map((d) => byDate.get(d) ?? null), format: (v: number) => fmtPct(v), nullLabel };
    });
    return { times: dates.map((d) => Date.parse(`${d}T00:00:00Z`)), series };
  }, [data]);
  const notes = useChartAnnotations(chart.times, DAY_MS);
  return (
    <div className="space-y-3">
      <TimeChart
        times={chart.times}
        series={chart.series}
        tz="UTC"
        withDate="only"
        leftAxisFormat={axisPct}
        height={280}
        testId="retention-chart"
        {...notes}
        bucketMs={DAY_MS}
      />
      <table className="w-full text-sm" data-testid="retention-range-table">
        <thead className="text-left text-xs uppercase text-slate-500">
          <tr>
            <th className="py-1 pr-2">
              {data.from} to {data.to}
            </th>
            <th className="py-1 pr-2 text-right">D1 retention</th>
            <th className="py-1 text-right">Viewers weighed</th>
          </tr>
        </thead>
        <tbody>
          {data.series.map((s) => (
            <tr key={s.name} className="border-t border-slate-100 dark:border-slate-800" data-testid="retention-range-row" data-series={s.name}>
              <td className="py-1 pr-2">{s.kind === "platform" ? <b>{s.name}</b> : s.name}</td>
              <td className="py-1 pr-2 text-right" data-testid="retention-range-value">
                {fmtPct(s.range.retentionD1)}
              </td>
              <td className="py-1 text-right">{fmtInt(s.range.viewers)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="text-xs text-slate-500">
        Platform: the share of a day&apos;s viewers who started a play on the next UTC day, each viewer counted once. Category: its videos&apos; D1 retention
        weighted by their viewers, so a viewer of two videos weighs twice. The newest day stays open until the day after it is complete.
      </p>
    </div>
  );
}
