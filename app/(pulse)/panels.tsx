"use client";
/**
 * The Pulse page's panels, each a plain react-query reader under the key its server part seeded
 * (page.tsx), kept current by the page's live stream, or by polling when it is unavailable (client.tsx).
 */
import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { BucketTopVideos } from "@/components/bucket-top-videos";
import { type ChartSeries, TimeChart, withBaseline } from "@/components/charts/time-chart";
import { ButtonGroup } from "@/components/controls/button-group";
import { CategorySelect } from "@/components/controls/category-select";
import { CompareToggle, compareLabel } from "@/components/controls/compare-toggle";
import { CsvButton } from "@/components/csv-button";
import { KpiTiles } from "@/components/kpi-tiles";
import { Panel } from "@/components/panel";
import { PlatformRetentionTile } from "@/components/platform-retention-tile";
import { TrendingTable } from "@/components/trending-table";
import { useChartAnnotations } from "@/components/use-annotations";
import { useBaseline } from "@/components/use-baseline";
import { dailyRefetchInterval } from "@/lib/dashboard/daily-poll";
import { fmtInt, fmtPct } from "@/lib/dashboard/format";
import type { PlatformSeries, SeriesPoint } from "@/lib/dashboard/models";
import type { TrendingSort } from "@/lib/dashboard/param-values";
import { PLATFORM_SERIES_CSV_COLUMNS } from "@/lib/dashboard/series-csv";
import { urlInstant } from "@/lib/dashboard/zoned-time";
import { usePulsePage } from "./client";

const SORTS: readonly { value: TrendingSort; label: string }[] = [
  { value: "velocity", label: "Velocity" },
  { value: "acceleration", label: "Acceleration" },
  { value: "trending", label: "Trending score" },
  { value: "change", label: "vs day before" },
];

/** Time to first chart, read by the e2e suite and the dashboard benchmark (tools/bench/dashboard/browser.ts). */
function markFirstChart() {
  if (performance.getEntriesByName("pulse:first-chart").length === 0) performance.mark("pulse:first-chart");
}

export function KpisPanel() {
  const { q, params, live } = usePulsePage();
  const kpis = useQuery({ ...q.kpis, ...live.options });
  return (
    <Panel title="Key numbers" query={kpis} tz={params.tz} watermarkKind="minute" isEmpty={() => false} emptyText="" skeletonClass="h-24" testId="panel-kpis">
      {(k) => <KpiTiles kpis={k} />}
    </Panel>
  );
}

export function RetentionPanel() {
  const { q } = usePulsePage();
  // A daily figure: the stream brings a new day, and a slow poll catches the morning build without it.
  const retention = useQuery({ ...q.retention, refetchInterval: dailyRefetchInterval });
  return (
    <Panel
      title="D1 retention"
      query={retention}
      tz="UTC"
      watermarkKind="day"
      isEmpty={(days) => days.length === 0}
      emptyText="The daily mart has no day yet."
      skeletonClass="h-24"
      testId="panel-platform-retention"
    >
      {(days) => <PlatformRetentionTile days={days} />}
    </Panel>
  );
}

export function SeriesPanel() {
  const { q, params, setParams, live } = usePulsePage();
  const series = useQuery({ ...q.series, ...live.options });
  const baseline = useBaseline(q.baseline, series.data?.meta.watermark);
  return (
    <Panel
      title={series.data?.data.bucket === "hour" ? "Platform per hour" : "Platform per minute"}
      query={series}
      tz={params.tz}
      watermarkKind="minute"
      isEmpty={(s) => s.points.every((p) => p.impressions === 0 && p.plays === 0)}
      emptyText="No traffic in this range yet."
      skeletonClass="h-80"
      testId="panel-series"
      actions={
        <>
          <CompareToggle value={params.compare} onChange={(compare) => setParams({ compare })} />
          {series.data && (
            <CsvButton fileName={`pulse-platform-per-${series.data.data.bucket}.csv`} columns={PLATFORM_SERIES_CSV_COLUMNS} rows={series.data.data.points} />
          )}
        </>
      }
    >
      {(s) => (
        <>
          <PlatformChart
            series={s}
            tz={params.tz}
            baseline={baseline.data}
            baselineLabel={compareLabel(params.compare)}
            baselineError={baseline.error}
            // Drag: the selection becomes the page's custom range (in the URL, so the zoom is a link).
            onSelectRange={(r) => setParams({ range: "custom", from: urlInstant(r.from), to: urlInstant(r.to), at: null })}
            onPickBucket={(t) => setParams({ at: urlInstant(t) })}
          />
          {params.at !== null && Number.isFinite(Date.parse(params.at)) && (
            <BucketTopVideos
              at={Date.parse(params.at)}
              bucketMs={s.bucket === "hour" ? 3_600_000 : 60_000}
              tz={params.tz}
              onClose={() => setParams({ at: null })}
            />
          )}
        </>
      )}
    </Panel>
  );
}

export function TrendingPanel() {
  const { q, params, setParams, live } = usePulsePage();
  const trending = useQuery({ ...q.trending, ...live.options });
  return (
    <Panel
      title="Trending now"
      query={trending}
      tz={params.tz}
      watermarkKind="minute"
      isEmpty={(t) => t.rows.length === 0}
      emptyText={params.category ? `No ${params.category} video has traffic in the velocity window.` : "No video has traffic in the velocity window."}
      testId="panel-trending"
      actions={
        <>
          <CategorySelect value={params.category} onChange={(category) => setParams({ category })} />
          <ButtonGroup label="rank by" options={SORTS} value={params.sort} onChange={(sort) => setParams({ sort })} />
        </>
      }
    >
      {(t) => (
        <>
          <TrendingTable rows={t.rows} tz={params.tz} onFilter={(f) => setParams({ ...f, at: null })} />
          <p className="mt-2 text-xs text-slate-500">
            {fmtInt(t.rows.length)} of {fmtInt(t.total)} videos with traffic in the velocity window
          </p>
        </>
      )}
    </Panel>
  );
}

/** The Pulse chart's lines for a series' points (the current range, or its comparison at the same times). */
function platformLines(p: readonly SeriesPoint[]): ChartSeries[] {
  return [
    { name: "Impressions", values: p.map((x) => x.impressions), format: fmtInt },
    { name: "Plays", values: p.map((x) => x.plays), format: fmtInt },
    { name: "Finishes", values: p.map((x) => x.finishes), format: fmtInt },
    { name: "Completion", values: p.map((x) => x.completionRate), axis: "right" as const, format: (v: number) => fmtPct(v) },
  ];
}

/** The overlay's counts at the current series' times (an overlay fetched for an older range has none at new times: a gap). */
function overlayLines(times: readonly number[], points: readonly SeriesPoint[]): ChartSeries[] {
  const byTime = new Map(points.map((p) => [p.t, p]));
  const at = (k: "impressions" | "plays" | "finishes") => times.map((t) => byTime.get(t)?.[k] ?? null);
  return [
    { name: "Impressions", values: at("impressions"), format: fmtInt },
    { name: "Plays", values: at("plays"), format: fmtInt },
    { name: "Finishes", values: at("finishes"), format: fmtInt },
  ];
}

function PlatformChart(props: {
  series: PlatformSeries;
  tz: string;
  baseline: PlatformSeries | undefined;
  baselineLabel: string;
  baselineError: string | undefined;
  onSelectRange: (range: { from: number; to: number }) => void;
  onPickBucket: (t: number) => void;
}) {
  const { series, tz, baseline, baselineLabel } = props;
  const data = useMemo(() => {
    const times = series.points.map((x) => x.t);
    const overlay = baseline && baseline.bucket === series.bucket ? overlayLines(times, baseline.points) : undefined;
    return { times, series: withBaseline(platformLines(series.points), overlay, baselineLabel) };
  }, [series, baseline, baselineLabel]);
  const perHour = series.bucket === "hour";
  const bucketMs = perHour ? 3_600_000 : 60_000;
  const annotations = useChartAnnotations(data.times, bucketMs);
  return (
    <>
      <TimeChart
        times={data.times}
        {...annotations}
        bucketMs={bucketMs}
        series={data.series}
        tz={tz}
        withDate={perHour}
        rightAxisFormat={(v) => fmtPct(v)}
        onFirstRender={markFirstChart}
        previewMark="pulse:chart-preview"
        onSelectRange={props.onSelectRange}
        onPickBucket={props.onPickBucket}
        testId="platform-chart"
        height={320}
      />
      {perHour && <p className="text-xs text-slate-500">Ranges over 24 h are drawn per hour of {tz}.</p>}
      {props.baselineError && (
        <p role="alert" className="text-xs text-red-600">
          The comparison could not be read: {props.baselineError}
        </p>
      )}
    </>
  );
}
