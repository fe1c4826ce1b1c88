"use client";
/**
 * A video page's panels, each a plain react-query reader under the key its server part seeded
 * (page.tsx), kept current by the page's live stream, or by polling when it is unavailable (client.tsx).
 */
import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { type ChartSeries, TimeChart, withBaseline } from "@/components/charts/time-chart";
import { ButtonGroup } from "@/components/controls/button-group";
import { CompareToggle, compareLabel } from "@/components/controls/compare-toggle";
import { CsvButton } from "@/components/csv-button";
import { Panel } from "@/components/panel";
import { useChartAnnotations } from "@/components/use-annotations";
import { useBaseline } from "@/components/use-baseline";
import { VIDEO_DAILY_CSV_COLUMNS, VideoDailyChart } from "@/components/video-daily-chart";
import { VideoDailyTable } from "@/components/video-daily-table";
import { dailyRefetchInterval } from "@/lib/dashboard/daily-poll";
import { fmt2, fmtAge, fmtDateTime, fmtDuration, fmtInt, fmtPct, zoneLabel } from "@/lib/dashboard/format";
import type { BaselineMinute, Counters, VideoMinute, VideoSummary } from "@/lib/dashboard/models";
import { VIDEO_MINUTE_CSV_COLUMNS } from "@/lib/dashboard/series-csv";
import { urlInstant } from "@/lib/dashboard/zoned-time";
import { useVideoPage } from "./client";

const RANGES = [
  { value: "1h", label: "1h" },
  { value: "6h", label: "6h" },
  { value: "24h", label: "24h" },
] as const;

export function SummaryPanel() {
  const { q, params, live } = useVideoPage();
  const summary = useQuery({ ...q.summary, ...live.options });
  return (
    <Panel title="Now" query={summary} tz={params.tz} watermarkKind="minute" isEmpty={() => false} emptyText="" skeletonClass="h-28" testId="panel-summary">
      {(s) => <SummaryGrid s={s} tz={params.tz} />}
    </Panel>
  );
}

export function SeriesPanel() {
  const { videoId, q, params, setParams, live } = useVideoPage();
  const series = useQuery({ ...q.series, ...live.options });
  const baseline = useBaseline(q.baseline, series.data?.meta.watermark);
  return (
    <Panel
      title="Per minute"
      query={series}
      tz={params.tz}
      watermarkKind="minute"
      isEmpty={(rows) => rows.length === 0}
      emptyText="No traffic for this video in the last 24 hours."
      skeletonClass="h-72"
      testId="panel-video-series"
      actions={
        <>
          <CompareToggle value={params.compare} onChange={(compare) => setParams({ compare })} />
          <ButtonGroup label="series range" options={RANGES} value={params.range} onChange={(range) => setParams({ range })} />
          {series.data && <CsvButton fileName={`pulse-video-${videoId}-per-minute.csv`} columns={VIDEO_MINUTE_CSV_COLUMNS} rows={series.data.data} />}
        </>
      }
    >
      {(rows) => (
        <VideoCharts
          rows={rows}
          tz={params.tz}
          videoId={videoId}
          baseline={baseline.data}
          baselineLabel={compareLabel(params.compare)}
          baselineError={baseline.error}
          zoom={params.from && params.to ? { from: Date.parse(params.from), to: Date.parse(params.to) } : null}
          onZoom={(z) => setParams(z ? { from: urlInstant(z.from), to: urlInstant(z.to) } : { from: null, to: null })}
        />
      )}
    </Panel>
  );
}

export function DailyPanel() {
  const { videoId, q, params, live } = useVideoPage();
  const daily = useQuery({ ...q.daily, refetchInterval: dailyRefetchInterval, placeholderData: live.options.placeholderData });
  return (
    <Panel
      title="Daily history"
      query={daily}
      tz={params.tz}
      watermarkKind="day"
      isEmpty={(rows) => rows.length === 0}
      emptyText="No day of this video is in the daily mart yet (built each morning for the previous UTC day)."
      testId="panel-video-daily"
      actions={daily.data && <CsvButton fileName={`pulse-video-${videoId}-daily.csv`} columns={VIDEO_DAILY_CSV_COLUMNS} rows={daily.data.data} />}
    >
      {(rows) => (
        <div className="space-y-3">
          <VideoDailyChart rows={rows} videoId={videoId} />
          <VideoDailyTable rows={rows} />
        </div>
      )}
    </Panel>
  );
}

function Stat({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div>
      <div className="text-xs text-slate-500">{label}</div>
      <div className="text-lg font-semibold" data-testid={testId}>
        {value}
      </div>
    </div>
  );
}

function SummaryGrid({ s, tz }: { s: VideoSummary; tz: string }) {
  const ageHours = s.uploadTime === null ? null : (Date.now() - s.uploadTime) / 3_600_000;
  return (
    <div className="grid grid-cols-2 gap-4 md:grid-cols-6">
      <Stat label="Velocity (plays/min)" value={fmt2(s.velocity)} testId="video-velocity" />
      <Stat label="Acceleration" value={`${s.acceleration >= 0 ? "+" : ""}${s.acceleration.toFixed(3)}`} />
      <Stat label="Plays, last 24 h" value={fmtInt(s.plays24h)} testId="video-plays-24h" />
      <Stat label="Completion, last 24 h" value={fmtPct(s.completionRate24h)} testId="video-completion-24h" />
      <Stat label="Likes / shares, 24 h" value={`${fmtInt(s.likes24h)} / ${fmtInt(s.shares24h)}`} />
      <Stat label="Impressions, 24 h" value={fmtInt(s.impressions24h)} />
      <Stat label="Category" value={s.category ?? "—"} testId="video-category" />
      <Stat label="Status" value={s.status} testId="video-status" />
      <Stat label={`Uploaded (${zoneLabel(tz)})`} value={s.uploadTime === null ? "—" : fmtDateTime(s.uploadTime, tz)} />
      <Stat label="Age" value={ageHours === null ? "—" : fmtAge(ageHours)} />
      <Stat label="Duration" value={fmtDuration(s.durationMs)} />
      <Stat label="Creator" value={s.creatorId ?? "—"} />
    </div>
  );
}

/** The counts chart's lines at `times` (an overlay's minutes missing at some time: a gap). */
function countLines(times: readonly number[], at: (t: number) => Counters | undefined): ChartSeries[] {
  const line = (name: string, k: keyof Counters) => ({ name, values: times.map((t) => at(t)?.[k] ?? null), format: fmtInt });
  return [line("Impressions", "impressions"), line("Plays", "plays"), line("Finishes", "finishes"), line("Likes", "likes"), line("Shares", "shares")];
}

function VideoCharts(props: {
  rows: readonly VideoMinute[];
  tz: string;
  videoId: string;
  baseline: readonly BaselineMinute[] | undefined;
  baselineLabel: string;
  baselineError: string | undefined;
  /** The zoom (drag across a chart, kept in the URL): only these minutes of the loaded range are drawn. */
  zoom: { from: number; to: number } | null;
  onZoom: (zoom: { from: number; to: number } | null) => void;
}) {
  const { tz, videoId, baseline, baselineLabel, zoom } = props;
  const rows = useMemo(() => (zoom ? props.rows.filter((r) => r.t >= zoom.from && r.t < zoom.to) : props.rows), [props.rows, zoom]);
  const d = useMemo(() => {
    const times = rows.map((r) => r.t);
    const current = new Map(rows.map((r) => [r.t, r]));
    const earlier = baseline ? new Map(baseline.map((r) => [r.t, r])) : undefined;
    return {
      times,
      counts: withBaseline(
        countLines(times, (t) => current.get(t)),
        earlier && countLines(times, (t) => earlier.get(t)),
        baselineLabel,
      ),
      velocity: [
        { name: "Velocity (plays/min)", values: rows.map((r) => r.velocity), format: fmt2 },
        { name: "Acceleration", values: rows.map((r) => r.acceleration), axis: "right" as const, format: (v: number) => v.toFixed(3) },
      ],
      completion: [{ name: "Completion (15-min rolling)", values: rows.map((r) => r.completionRate), format: (v: number) => fmtPct(v) }],
    };
  }, [rows, baseline, baselineLabel]);
  // The platform's annotations and this video's own, on each of its charts.
  const annotations = useChartAnnotations(d.times, 60_000, videoId);
  const gestures = { onSelectRange: props.onZoom };
  return (
    <div className="space-y-2">
      {zoom && (
        <p className="text-xs text-slate-500" data-testid="video-zoom">
          Zoomed to {fmtDateTime(zoom.from, tz)} – {fmtDateTime(zoom.to, tz).slice(11)} ({d.times.length} min of the loaded range).{" "}
          <button type="button" className="underline" onClick={() => props.onZoom(null)}>
            Reset zoom
          </button>
        </p>
      )}
      <TimeChart times={d.times} series={d.counts} tz={tz} height={260} testId="video-counts-chart" {...annotations} {...gestures} />
      <TimeChart times={d.times} series={d.velocity} tz={tz} height={220} testId="video-velocity-chart" {...annotations} {...gestures} />
      <TimeChart times={d.times} series={d.completion} tz={tz} height={180} testId="video-completion-chart" {...annotations} {...gestures} />
      {props.baselineError && (
        <p role="alert" className="text-xs text-red-600">
          The comparison could not be read: {props.baselineError}
        </p>
      )}
    </div>
  );
}
