"use client";
import dynamic from "next/dynamic";
import type { EChartCanvasProps } from "./echart-canvas";

const EChartCanvas = dynamic<EChartCanvasProps>(() => import("./echart-canvas"), {
  ssr: false,
  loading: () => <div className="h-full w-full animate-pulse rounded bg-slate-100 dark:bg-slate-800/60" role="status" aria-label="loading chart" />,
});

/**
 * A chart whose engine loads on demand: the page, its tiles, tables and controls become
 * interactive first, and the chart's box keeps its height while ECharts arrives (a browser
 * caches the chunk, and every page shares it). Charts draw on a canvas, so there is nothing to
 * render on the server.
 */
export function LazyChart(p: EChartCanvasProps) {
  return (
    <div style={{ height: p.height }}>
      <EChartCanvas {...p} />
    </div>
  );
}
