"use client";
import { useMemo } from "react";
import { Skeleton } from "../skeleton";
import { useDarkMode } from "../use-color-scheme";
import { LazyChart } from "./lazy-chart";

interface HistogramProps {
  /** One label per bar, e.g. "10–20%". */
  readonly labels: readonly string[];
  readonly counts: readonly number[];
  /** What a bar counts, for the tooltip ("videos"). */
  readonly unit: string;
  readonly height?: number;
  readonly testId?: string;
}

/** Bars of counts over ordered bins; the tooltip names the bin and its count. */
export function Histogram(p: HistogramProps) {
  const dark = useDarkMode();
  const option = useMemo(() => {
    const text = dark ? "#cbd5e1" : "#475569";
    const grid = dark ? "#1e293b" : "#e2e8f0";
    return {
      animation: false,
      textStyle: { color: text },
      grid: { left: 48, right: 16, top: 16, bottom: 40 },
      tooltip: {
        trigger: "axis",
        axisPointer: { type: "shadow" },
        formatter: (items: { name: string; value: number }[]) => `${items[0]?.name}: <b>${items[0]?.value}</b> ${p.unit}`,
      },
      xAxis: { type: "category", data: p.labels, axisLine: { lineStyle: { color: grid } }, axisLabel: { color: text, interval: 0, fontSize: 10 } },
      yAxis: { type: "value", minInterval: 1, splitLine: { lineStyle: { color: grid } }, axisLabel: { color: text } },
      series: [{ type: "bar", data: p.counts, barCategoryGap: "10%", itemStyle: { color: dark ? "#60a5fa" : "#2563eb" } }],
    };
  }, [p.labels, p.counts, p.unit, dark]);
  return (
    <div data-testid={p.testId} data-counts={p.counts.join(",")}>
      <LazyChart option={option} height={p.height ?? 220} placeholder={<Skeleton className="h-full" />} />
    </div>
  );
}
