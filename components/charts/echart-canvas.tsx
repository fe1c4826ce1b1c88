"use client";
import ReactEChartsCore from "echarts-for-react/esm/core";
import { echarts } from "./echarts";

export interface EChartCanvasProps {
  /** A complete ECharts option; replaced, not merged, on each change. */
  readonly option: object;
  readonly height: number;
  readonly onReady?: () => void;
}

/**
 * The only module that imports ECharts. It is loaded by lazy-chart.tsx after the page has
 * hydrated, so the chart engine (about 180 KB gzip) is not part of any page's first-load JS.
 */
export default function EChartCanvas({ option, height, onReady }: EChartCanvasProps) {
  return <ReactEChartsCore echarts={echarts} option={option} notMerge style={{ height, width: "100%" }} onChartReady={onReady} />;
}
