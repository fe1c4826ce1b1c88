"use client";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { TimeChart } from "@/components/charts/time-chart";
import { ButtonGroup } from "@/components/controls/button-group";
import { CategorySelect } from "@/components/controls/category-select";
import { DateRangeInputs } from "@/components/controls/date-range-inputs";
import { DailyVideosTable } from "@/components/daily-videos-table";
import { Panel } from "@/components/panel";
import { useUrlState } from "@/components/use-url-state";
import { fmt2, fmtInt, fmtPct } from "@/lib/dashboard/format";
import type { CategoryDay } from "@/lib/dashboard/models";
import { api } from "@/lib/dashboard/query-keys";
import { dailyCategoriesParams, dailyVideosParams, type TrendMetric, trendMetric } from "./search-params";

const METRICS: readonly { value: TrendMetric; label: string }[] = [
  { value: "watch_hours", label: "Watch hours" },
  { value: "unique_viewers", label: "Unique viewers" },
  { value: "completion_rate", label: "Completion" },
];

// The mart changes once a day; a slow poll catches the morning build without a reload.
const DAILY_POLL_MS = 300_000;

export function DailyClient() {
  const [params, setParams] = useUrlState();
  const videosParams = dailyVideosParams(params);
  const categoriesParams = dailyCategoriesParams(params);
  const videos = useQuery({ ...api.dailyVideos(videosParams), placeholderData: keepPreviousData, refetchInterval: DAILY_POLL_MS });
  const categories = useQuery({ ...api.dailyCategories(categoriesParams), placeholderData: keepPreviousData, refetchInterval: DAILY_POLL_MS });
  const coverage = useQuery({ ...api.dailyCoverage(), staleTime: 60_000 });
  const metric = trendMetric(params);
  const from = params.from ?? videos.data?.data.from;
  const to = params.to ?? videos.data?.data.to;

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="mr-2 text-xl font-semibold">Daily marts</h1>
        <DateRangeInputs
          key={`${from}|${to}`}
          from={from}
          to={to}
          min={coverage.data?.data.firstDate ?? undefined}
          max={coverage.data?.data.lastDate ?? undefined}
          onChange={(f, t) => setParams({ from: f, to: t })}
        />
        <CategorySelect value={params.category} onChange={(c) => setParams({ category: c })} />
        <span className="text-xs text-slate-500">Dates are UTC days, the mart&apos;s grain.</span>
      </div>

      <Panel
        title="Category trends"
        query={categories}
        tz="UTC"
        watermarkKind="day"
        isEmpty={(d) => d.days.length === 0}
        emptyText="No built day in this range."
        skeletonClass="h-72"
        testId="panel-category-trends"
        actions={
          <ButtonGroup label="trend metric" options={METRICS} value={metric} onChange={(m) => setParams({ metric: m === "watch_hours" ? undefined : m })} />
        }
      >
        {(d) => <CategoryTrends days={d.days} metric={metric} />}
      </Panel>

      <Panel
        title="Videos"
        query={videos}
        tz="UTC"
        watermarkKind="day"
        isEmpty={(d) => d.rows.length === 0}
        emptyText="No video has a row in this range."
        testId="panel-daily-videos"
      >
        {(d) => <DailyVideosTable data={d} params={params} onSort={(sort, dir) => setParams({ sort, dir })} />}
      </Panel>
    </div>
  );
}

function CategoryTrends({ days, metric }: { days: readonly CategoryDay[]; metric: TrendMetric }) {
  const d = useMemo(() => {
    const dates = [...new Set(days.map((x) => x.date))].sort();
    const cats = [...new Set(days.map((x) => x.category))].sort();
    const byKey = new Map(days.map((x) => [`${x.date}|${x.category}`, x]));
    const value = (x: CategoryDay | undefined) =>
      x === undefined ? null : metric === "watch_hours" ? x.watchHours : metric === "unique_viewers" ? x.uniqueViewers : x.completionRate;
    const format = metric === "completion_rate" ? (v: number) => fmtPct(v) : metric === "unique_viewers" ? fmtInt : fmt2;
    return {
      times: dates.map((x) => Date.parse(`${x}T00:00:00Z`)),
      series: cats.map((c) => ({ name: c, values: dates.map((x) => value(byKey.get(`${x}|${c}`))), format })),
    };
  }, [days, metric]);
  return <TimeChart times={d.times} series={d.series} tz="UTC" withDate="only" height={300} testId="category-trends-chart" />;
}
