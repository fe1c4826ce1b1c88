"use client";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useQueryStates } from "nuqs";
import { CATEGORY_CSV_COLUMNS, CategoryTrends } from "@/components/category-trends";
import { ButtonGroup } from "@/components/controls/button-group";
import { CategorySelect } from "@/components/controls/category-select";
import { DateRangeInputs } from "@/components/controls/date-range-inputs";
import { CsvButton } from "@/components/csv-button";
import { DailyVideosTable } from "@/components/daily-videos-table";
import { Panel } from "@/components/panel";
import { RETENTION_CSV_COLUMNS, RetentionChart, retentionCsvRows } from "@/components/retention/retention-chart";
import { DISTRIBUTION_CSV_COLUMNS, distributionCsvRows, RetentionDistributionView } from "@/components/retention/retention-distribution";
import { dailyRefetchInterval } from "@/lib/dashboard/daily-poll";
import { MIN_VIEWERS_CHOICES, type TrendMetric } from "@/lib/dashboard/param-values";
import { api } from "@/lib/dashboard/query-keys";
import { dailyParams, dailyQueries } from "./search-params";

const METRICS: readonly { value: TrendMetric; label: string }[] = [
  { value: "watch_hours", label: "Watch hours" },
  { value: "unique_viewers", label: "Unique viewers" },
  { value: "completion_rate", label: "Completion" },
  { value: "retention_d1", label: "D1 retention" },
];

const MIN_VIEWERS_OPTIONS = MIN_VIEWERS_CHOICES.map((v) => ({ value: v, label: `≥ ${v}` }));

export function DailyClient() {
  const [params, setParams] = useQueryStates(dailyParams);
  const q = dailyQueries(params);
  const poll = { placeholderData: keepPreviousData, refetchInterval: dailyRefetchInterval };
  const videos = useQuery({ ...q.videos, ...poll });
  const categories = useQuery({ ...q.categories, ...poll });
  const retention = useQuery({ ...q.retention, ...poll });
  const distribution = useQuery({ ...q.distribution, ...poll });
  const coverage = useQuery({ ...api.dailyCoverage(), staleTime: 60_000 });
  const { metric } = params;
  const from = params.from ?? videos.data?.data.from;
  const to = params.to ?? videos.data?.data.to;
  const fileSuffix = `${from ?? ""}-to-${to ?? ""}${params.category ? `-${params.category}` : ""}`;

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
        <CategorySelect value={params.category} onChange={(category) => setParams({ category })} />
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
          <>
            <ButtonGroup label="trend metric" options={METRICS} value={metric} onChange={(m) => setParams({ metric: m })} />
            {categories.data && (
              <CsvButton fileName={`pulse-category-trends-${fileSuffix}.csv`} columns={CATEGORY_CSV_COLUMNS} rows={categories.data.data.days} />
            )}
          </>
        }
      >
        {(d) => <CategoryTrends days={d.days} metric={metric} />}
      </Panel>

      <div className="grid gap-4 xl:grid-cols-2">
        <Panel
          title="D1 retention"
          query={retention}
          tz="UTC"
          watermarkKind="day"
          isEmpty={(d) => d.series.length === 0}
          emptyText="No built day in this range."
          skeletonClass="h-80"
          testId="panel-retention"
          actions={
            retention.data && (
              <CsvButton fileName={`pulse-retention-${fileSuffix}.csv`} columns={RETENTION_CSV_COLUMNS} rows={retentionCsvRows(retention.data.data.series)} />
            )
          }
        >
          {(d) => <RetentionChart data={d} />}
        </Panel>

        <Panel
          title="Videos by D1 retention"
          query={distribution}
          tz="UTC"
          watermarkKind="day"
          isEmpty={(d) => d.videos === 0}
          emptyText="No video in this range has enough viewers on a day whose retention is known."
          skeletonClass="h-80"
          testId="panel-retention-distribution"
          actions={
            <>
              <ButtonGroup label="minimum viewers" options={MIN_VIEWERS_OPTIONS} value={params.min_viewers} onChange={(v) => setParams({ min_viewers: v })} />
              {distribution.data && (
                <CsvButton
                  fileName={`pulse-retention-distribution-${fileSuffix}.csv`}
                  columns={DISTRIBUTION_CSV_COLUMNS}
                  rows={distributionCsvRows(distribution.data.data)}
                />
              )}
            </>
          }
        >
          {(d) => <RetentionDistributionView data={d} />}
        </Panel>
      </div>

      <Panel
        title="Videos"
        query={videos}
        tz="UTC"
        watermarkKind="day"
        isEmpty={(d) => d.rows.length === 0}
        emptyText="No video has a row in this range."
        testId="panel-daily-videos"
      >
        {(d) => <DailyVideosTable data={d} sort={params.sort} dir={params.dir} category={params.category} onSort={(sort, dir) => setParams({ sort, dir })} />}
      </Panel>
    </div>
  );
}
