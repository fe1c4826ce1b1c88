"use client";
import { useMemo, useRef } from "react";
import uPlot from "uplot";
import { useDarkMode } from "../use-color-scheme";
import { AXIS_FONT, bucketAt, COUNT_STEPS, chartColors, compactNumber, LEFT_AXIS_PX, RIGHT_PAD_PX, zeroBasedRange } from "./chart-theme";
import { ChartTooltip } from "./chart-tooltip";
import { useUPlot } from "./use-uplot";

interface HistogramProps {
  /** One label per bar, e.g. "10–20%". */
  readonly labels: readonly string[];
  readonly counts: readonly number[];
  /** What a bar counts, for the tooltip ("videos"). */
  readonly unit: string;
  readonly height?: number;
  readonly testId?: string;
}

/** Bars of counts over ordered bins, every bin labelled; the tooltip names the bin and its count. */
export function Histogram(p: HistogramProps) {
  const dark = useDarkMode();
  const holder = useRef<HTMLDivElement>(null);
  const height = p.height ?? 220;
  const labels = useRef(p.labels);
  labels.current = p.labels;
  const n = p.labels.length;

  const options = useMemo((): Omit<uPlot.Options, "width"> => {
    const c = chartColors(dark);
    const axis = { stroke: c.text, font: AXIS_FONT, grid: { stroke: c.grid, width: 1 }, ticks: { stroke: c.grid, width: 1 } };
    return {
      height,
      padding: [12, RIGHT_PAD_PX, 0, 0],
      legend: { show: false },
      cursor: { drag: { x: false, y: false }, points: { show: false } },
      scales: { x: { time: false, range: [-0.5, n - 0.5] }, y: { range: (_u, min, max) => zeroBasedRange(min, max) } },
      axes: [
        {
          ...axis,
          grid: { show: false },
          font: "10px ui-sans-serif, system-ui, sans-serif",
          splits: () => labels.current.map((_, i) => i),
          values: (_u, splits) => splits.map((s) => labels.current[bucketAt(s, labels.current.length) ?? -1] ?? ""),
        },
        { ...axis, size: LEFT_AXIS_PX, incrs: COUNT_STEPS, values: (_u, splits) => splits.map(compactNumber) },
      ],
      series: [{}, { label: p.unit, fill: c.bar, stroke: c.bar, paths: uPlot.paths.bars!({ size: [0.9, Infinity] }), points: { show: false } }],
    };
  }, [dark, height, n, p.unit]);

  const data = useMemo((): uPlot.AlignedData => [p.counts.map((_, i) => i), [...p.counts]], [p.counts]);
  const hover = useUPlot(holder, options, data);
  const at = hover ? bucketAt(hover.idx, p.counts.length) : null;

  return (
    <div data-testid={p.testId} data-counts={p.counts.join(",")} className="relative">
      <div ref={holder} style={{ height }} />
      <ChartTooltip hover={hover} width={holder.current?.clientWidth ?? 0}>
        {at !== null && (
          <>
            {p.labels[at]}: <b>{p.counts[at]}</b> {p.unit}
          </>
        )}
      </ChartTooltip>
    </div>
  );
}
