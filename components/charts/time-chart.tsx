"use client";
import { useMemo } from "react";
import type { AlertSpan } from "@/lib/dashboard/alerts";
import { ANNOTATION_COLORS, type AnnotationMark, alertMarks, annotationMarks } from "@/lib/dashboard/annotation-marks";
import type { Annotation } from "@/lib/dashboard/annotations";
import { selectedRange } from "@/lib/dashboard/chart-geometry";
import { fmtDateTime, fmtTime } from "@/lib/dashboard/format";
import { useDarkMode } from "../use-color-scheme";
import { ChartPointer } from "./chart-pointer";
import { ChartPreview } from "./chart-preview";
import { LazyChart } from "./lazy-chart";

export interface ChartSeries {
  readonly name: string;
  readonly values: readonly (number | null)[];
  /** "left" for counts, "right" for rates/ratios. */
  readonly axis?: "left" | "right";
  readonly format?: (v: number) => string;
  /** What the tooltip says for a null point (default "—"), e.g. "not yet known"; a function gets the point's index. */
  readonly nullLabel?: string | ((index: number) => string);
  /** Set for a comparison overlay: drawn dashed in this colour (its counterpart's; see withBaseline). */
  readonly color?: string;
  readonly dashed?: boolean;
}

interface TimeChartProps {
  /** Bucket start times, epoch ms, ascending. */
  readonly times: readonly number[];
  readonly series: readonly ChartSeries[];
  readonly tz: string;
  /** Label times with the date too (ranges over a day, hour buckets), or with the date only (daily marts). */
  readonly withDate?: boolean | "only";
  readonly height?: number;
  readonly rightAxisFormat?: (v: number) => string;
  /** Tick labels of the left axis (e.g. percent when every series is a rate). */
  readonly leftAxisFormat?: (v: number) => string;
  readonly testId?: string;
  readonly onFirstRender?: () => void;
  /** Deploys, incidents and notes to mark: a line at a point's bucket, a shaded band over a span's. */
  readonly annotations?: readonly Annotation[];
  /** Alert rules' firing periods to shade (orange), as the alerts page lists them. */
  readonly alertSpans?: readonly AlertSpan[];
  /** The width of one bucket (a minute unless given), to place annotations inside the last one. */
  readonly bucketMs?: number;
  /** A performance mark set when the server-rendered preview of this chart is parsed (chart-preview.tsx). */
  readonly previewMark?: string;
  /** Drag across the chart: the selected range [from, to) (both end buckets included). Replaces the wheel zoom. */
  readonly onSelectRange?: (range: { from: number; to: number }) => void;
  /** Click a bucket: its start time. */
  readonly onPickBucket?: (t: number) => void;
}

export const PALETTE = ["#e11d48", "#2563eb", "#059669", "#d97706", "#7c3aed", "#0891b2"];

/**
 * The series followed by their comparison overlays: each series in `overlay` (same order, values at
 * the same times) drawn dashed in its counterpart's colour, named "<name> (<label>)".
 */
export function withBaseline(series: readonly ChartSeries[], overlay: readonly ChartSeries[] | undefined, label: string): ChartSeries[] {
  const colored = series.map((s, i) => ({ ...s, color: s.color ?? PALETTE[i % PALETTE.length]! }));
  if (!overlay) return colored;
  return [...colored, ...overlay.map((o, i) => ({ ...o, name: `${o.name} (${label})`, color: colored[i]?.color ?? PALETTE[0]!, dashed: true }))];
}

/**
 * A time series over a category axis of bucket times, labelled in the chosen zone: ECharts' time
 * axis would place ticks in the browser's zone, not the dashboard's. The x axis ends at the data's
 * watermark, so the open minute never appears.
 */
export function TimeChart(p: TimeChartProps) {
  const dark = useDarkMode();
  const hasRight = p.series.some((s) => s.axis === "right");
  // The plot area, shared by the engine's grid and the preview, so the lines do not move when it takes over.
  const insets = useMemo(() => ({ left: 48, right: hasRight ? 56 : 16, top: 36, bottom: 48 }), [hasRight]);
  const alerts = useMemo(() => alertMarks(p.times, p.bucketMs ?? 60_000, p.alertSpans ?? []), [p.times, p.bucketMs, p.alertSpans]);
  const marks = useMemo(
    () => [...annotationMarks(p.times, p.bucketMs ?? 60_000, p.annotations ?? []), ...alerts],
    [p.times, p.bucketMs, p.annotations, alerts],
  );
  const option = useMemo(() => {
    const text = dark ? "#cbd5e1" : "#475569";
    const grid = dark ? "#1e293b" : "#e2e8f0";
    const label = (ms: number) =>
      p.withDate === "only" ? fmtDateTime(ms, p.tz).slice(0, 10) : p.withDate ? fmtDateTime(ms, p.tz).slice(5) : fmtTime(ms, p.tz);
    return {
      animation: false,
      color: PALETTE,
      textStyle: { color: text },
      grid: insets,
      legend: { top: 0, textStyle: { color: text } },
      tooltip: {
        trigger: "axis",
        valueFormatter: undefined,
        formatter: (items: { dataIndex: number; seriesIndex: number; marker: string; seriesName: string; value: number | null }[]) => {
          const first = items[0];
          if (!first) return "";
          const at = fmtDateTime(p.times[first.dataIndex]!, p.tz);
          const head = p.withDate === "only" ? at.slice(0, 10) : at;
          const lines = items.map((it) => {
            const s = p.series[it.seriesIndex]!;
            const missing = typeof s.nullLabel === "function" ? s.nullLabel(it.dataIndex) : (s.nullLabel ?? "—");
            const v = it.value === null || it.value === undefined ? missing : s.format ? s.format(it.value) : String(it.value);
            return `${it.marker}${it.seriesName}: <b>${v}</b>`;
          });
          return [head, ...lines].join("<br/>");
        },
      },
      // A chart whose drag selects a range (into the URL) does not also pan or zoom by itself.
      dataZoom: p.onSelectRange ? [] : [{ type: "inside" }],
      xAxis: {
        type: "category",
        data: p.times.map(label),
        boundaryGap: false,
        axisLine: { lineStyle: { color: grid } },
        axisLabel: { color: text, hideOverlap: true },
      },
      yAxis: [
        { type: "value", splitLine: { lineStyle: { color: grid } }, axisLabel: { color: text, formatter: p.leftAxisFormat } },
        ...(hasRight ? [{ type: "value", splitLine: { show: false }, axisLabel: { color: text, formatter: p.rightAxisFormat } }] : []),
      ],
      series: p.series.map((s, i) => ({
        ...(i === 0 ? markOptions(marks) : {}),
        name: s.name,
        type: "line",
        yAxisIndex: s.axis === "right" ? 1 : 0,
        data: s.values,
        // Few points (daily marts): mark each, so a series with a single day is still visible.
        showSymbol: p.times.length <= 60,
        sampling: "lttb",
        connectNulls: false,
        lineStyle: { width: s.dashed ? 1.2 : 1.5, ...(s.dashed ? { type: "dashed" } : {}), ...(s.color ? { color: s.color } : {}) },
        ...(s.color ? { itemStyle: { color: s.color } } : {}),
      })),
    };
  }, [p.times, p.series, p.tz, p.withDate, p.rightAxisFormat, p.leftAxisFormat, dark, hasRight, insets, marks, p.onSelectRange]);
  const height = p.height ?? 300;

  return (
    <div
      data-testid={p.testId}
      data-points={p.times.length}
      data-series={p.series.length}
      data-annotations={marks.length - alerts.length}
      data-alerts={alerts.length}
    >
      <ChartPointer
        count={p.times.length}
        insets={insets}
        onSelect={p.onSelectRange && ((a, b) => p.onSelectRange?.(selectedRange(p.times, a, b, p.bucketMs ?? 60_000)))}
        onPick={p.onPickBucket && ((i) => p.onPickBucket?.(p.times[i]!))}
      >
        <LazyChart
          option={option}
          height={height}
          onReady={p.onFirstRender}
          placeholder={
            <ChartPreview
              series={p.series}
              palette={PALETTE}
              height={height}
              insets={insets}
              marks={marks}
              {...(p.previewMark ? { mark: p.previewMark } : {})}
            />
          }
        />
      </ChartPointer>
    </div>
  );
}

/** ECharts mark lines (points) and areas (spans) for the first series: one set per chart. */
function markOptions(marks: readonly AnnotationMark[]) {
  if (marks.length === 0) return {};
  const points = marks.filter((m) => !m.span);
  const spans = marks.filter((m) => m.span);
  return {
    markLine: {
      symbol: "none",
      animation: false,
      label: { show: true, position: "insideEndTop", formatter: "{b}", fontSize: 10 },
      data: points.map((m) => ({ xAxis: m.from, name: m.label, lineStyle: { color: ANNOTATION_COLORS[m.kind], type: "dashed", width: 1.5 } })),
    },
    markArea: {
      animation: false,
      label: { show: true, position: "insideTop", fontSize: 10 },
      data: spans.map((m) => [{ xAxis: m.from, name: m.label, itemStyle: { color: ANNOTATION_COLORS[m.kind], opacity: 0.12 } }, { xAxis: m.to }]),
    },
  };
}
