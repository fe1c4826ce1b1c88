"use client";
import { useMemo, useRef, useState } from "react";
import type uPlot from "uplot";
import { fmtDateTime, fmtTime } from "@/lib/dashboard/format";
import { useDarkMode } from "../use-color-scheme";
import {
  AXIS_FONT,
  bucketAt,
  chartColors,
  compactNumber,
  INDEX_STEPS,
  indexRange,
  LEFT_AXIS_PX,
  paletteColor,
  RIGHT_AXIS_PX,
  RIGHT_PAD_DATES_PX,
  RIGHT_PAD_PX,
  zeroBasedRange,
} from "./chart-theme";
import { ChartTooltip, Marker } from "./chart-tooltip";
import { useUPlot } from "./use-uplot";

export interface ChartSeries {
  readonly name: string;
  readonly values: readonly (number | null)[];
  /** "left" for counts, "right" for rates/ratios. */
  readonly axis?: "left" | "right";
  readonly format?: (v: number) => string;
  /** What the tooltip says for a null point (default "—"), e.g. "not yet known"; a function gets the point's index. */
  readonly nullLabel?: string | ((index: number) => string);
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
}

/**
 * A time series over an axis of buckets (index 0..n-1), labelled in the chosen zone: a time axis
 * would place ticks in the browser's zone, not the dashboard's. The x axis ends at the data's
 * watermark, so the open minute never appears. Legend entries toggle their series; dragging across
 * the plot zooms, a double click zooms out; the tooltip names the bucket and every shown value.
 */
export function TimeChart(p: TimeChartProps) {
  const dark = useDarkMode();
  const holder = useRef<HTMLDivElement>(null);
  const [hidden, setHidden] = useState<ReadonlySet<number>>(new Set());
  const height = p.height ?? 300;
  const label = (ms: number) => (p.withDate === "only" ? fmtDateTime(ms, p.tz).slice(0, 10) : p.withDate ? fmtDateTime(ms, p.tz).slice(5) : fmtTime(ms, p.tz));
  // Axis and tooltip text read the newest props through this ref, so new data does not rebuild the chart.
  const current = useRef({ times: p.times, label });
  current.current = { times: p.times, label };

  const structure = p.series.map((s) => `${s.name}|${s.axis ?? "left"}`).join(",");
  const hasRight = p.series.some((s) => s.axis === "right");
  const few = p.times.length <= 60;
  const { leftAxisFormat, rightAxisFormat, withDate } = p;
  // biome-ignore lint/correctness/useExhaustiveDependencies: the series' names and axes (`structure`) shape the chart, not their values
  const options = useMemo((): Omit<uPlot.Options, "width"> => {
    const c = chartColors(dark);
    const axis = { stroke: c.text, font: AXIS_FONT, grid: { stroke: c.grid, width: 1 }, ticks: { stroke: c.grid, width: 1 } };
    const fmtLeft = leftAxisFormat ?? compactNumber;
    return {
      height,
      padding: [12, hasRight ? 0 : withDate ? RIGHT_PAD_DATES_PX : RIGHT_PAD_PX, 0, 0],
      legend: { show: false },
      cursor: { drag: { x: true, y: false }, points: { size: 6 } },
      scales: {
        x: { time: false, range: (_u, min, max) => indexRange(current.current.times.length, min, max) },
        y: { range: (_u, min, max) => zeroBasedRange(min, max) },
        r: { range: (_u, min, max) => zeroBasedRange(min, max) },
      },
      axes: [
        {
          ...axis,
          grid: { show: false },
          space: withDate ? 90 : 60,
          incrs: INDEX_STEPS,
          values: (_u, splits) =>
            splits.map((s) => {
              const i = bucketAt(s, current.current.times.length);
              return i === null ? "" : current.current.label(current.current.times[i]!);
            }),
        },
        { ...axis, scale: "y", size: LEFT_AXIS_PX, values: (_u, splits) => splits.map(fmtLeft) },
        ...(hasRight
          ? [
              {
                ...axis,
                scale: "r",
                side: 1 as const,
                size: RIGHT_AXIS_PX,
                grid: { show: false },
                values: (_u: uPlot, splits: number[]) => splits.map(rightAxisFormat ?? compactNumber),
              },
            ]
          : []),
      ],
      series: [
        {},
        ...p.series.map((s, i) => ({
          label: s.name,
          stroke: paletteColor(i),
          width: 1.5,
          scale: s.axis === "right" ? "r" : "y",
          spanGaps: false,
          show: !hidden.has(i),
          // Few points (daily marts): mark each, so a series with a single day is still visible.
          points: { show: few, size: 5 },
        })),
      ],
    };
  }, [dark, height, hasRight, few, withDate, structure, hidden, leftAxisFormat, rightAxisFormat]);

  const data = useMemo((): uPlot.AlignedData => [p.times.map((_, i) => i), ...p.series.map((s) => s.values as (number | null)[])], [p.times, p.series]);
  const hover = useUPlot(holder, options, data, p.onFirstRender);
  const at = hover && hover.idx < p.times.length ? hover.idx : null;

  return (
    <div data-testid={p.testId} data-points={p.times.length} className="relative">
      <div className="flex flex-wrap justify-center gap-x-3 text-xs" style={{ color: chartColors(dark).text }}>
        {p.series.map((s, i) => (
          <button
            key={s.name}
            type="button"
            aria-pressed={!hidden.has(i)}
            className={hidden.has(i) ? "opacity-40" : ""}
            onClick={() => setHidden((h) => (h.has(i) ? new Set([...h].filter((x) => x !== i)) : new Set([...h, i])))}
          >
            <Marker color={paletteColor(i)} />
            {s.name}
          </button>
        ))}
      </div>
      <div ref={holder} style={{ height }} />
      <ChartTooltip hover={hover} width={holder.current?.clientWidth ?? 0}>
        {at !== null && (
          <>
            <div>{withDate === "only" ? fmtDateTime(p.times[at]!, p.tz).slice(0, 10) : fmtDateTime(p.times[at]!, p.tz)}</div>
            {p.series.map((s, i) => {
              if (hidden.has(i)) return null;
              const v = s.values[at];
              const missing = typeof s.nullLabel === "function" ? s.nullLabel(at) : (s.nullLabel ?? "—");
              return (
                <div key={s.name}>
                  <Marker color={paletteColor(i)} />
                  {s.name}: <b>{v === null || v === undefined ? missing : s.format ? s.format(v) : String(v)}</b>
                </div>
              );
            })}
          </>
        )}
      </ChartTooltip>
    </div>
  );
}
