"use client";
/**
 * The daily page's panels, each a plain react-query reader under the key its server part seeded
 * (page.tsx); the marts change once a day, so they poll slowly (lib/dashboard/daily-poll.ts).
 */
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { CATEGORY_CSV_COLUMNS, CategoryTrends } from "@/components/category-trends";
import { ButtonGroup } from "@/components/controls/button-group";
import { CsvButton } from "@/components/csv-button";
import { DailyVideosTable } from "@/components/daily-videos-table";
import { Panel } from "@/components/panel";
import { RETENTION_CSV_COLUMNS, RetentionChart, retentionCsvRows } from "@/components/retention/retention-chart";
import { DISTRIBUTION_CSV_COLUMNS, distributionCsvRows, RetentionDistributionView } from "@/components/retention/retention-distribution";
import { dailyRefetchInterval } from "@/lib/dashboard/daily-poll";
import { MIN_VIEWERS_CHOICES, type TrendMetric } from "@/lib/dashboard/param-values";
import { useDailyPage } from "./client";

const METRICS: readonly { value: TrendMetric; label: string }[] = [
  { value: "watch_hours", label: "Watch hours" },
  { value: "unique_viewers", label: "Unique viewers" },
  { value: "completion_rate", label: "Completion" },
  { value: "retention_d1", label: "D1 retention" },
];

const MIN_VIEWERS_OPTIONS = MIN_VIEWERS_CHOICES.map((v) => ({ value: v, label: `≥ ${v}` }));

const POLL = { placeholderData: keepPreviousData, refetchInterval: dailyRefetchInterval };

export function CategoryTrendsPanel() {
  const { q, params, setParams, fileSuffix } = useDailyPage();
  const categories = useQuery({ ...q.categories, ...POLL });
  const { metric } = params;
  return (
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
  );
}

export function RetentionPanel() {
  const { q, fileSuffix } = useDailyPage();
  const retention = useQuery({ ...q.retention, ...POLL });
  return (
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
  );
}

export function DistributionPanel() {
  const { q, params, setParams, fileSuffix } = useDailyPage();
  const distribution = useQuery({ ...q.distribution, ...POLL });
  return (
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
  );
}

export function VideosPanel() {
  const { q, params, setParams } = useDailyPage();
  const videos = useQuery({ ...q.videos, ...POLL });
  return (
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
  );
}
