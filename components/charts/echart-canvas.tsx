"use client";
import ReactEChartsCore from "echarts-for-react/esm/core";
import { useLayoutEffect, useRef, useState } from "react";
import { echarts } from "./echarts";

export interface EChartCanvasProps {
  /** A complete ECharts option; replaced, not merged, on each change. */
  readonly option: object;
  readonly height: number;
  readonly onReady?: () => void;
}

/**
 * The CSS zoom the chart sits under (kiosk mode zooms the whole page, app/globals.css): its drawn
 * width over its layout width. 1 on a normal page.
 */
function zoomOf(el: HTMLElement): number {
  const layout = el.offsetWidth;
  const zoom = layout > 0 ? el.getBoundingClientRect().width / layout : 1;
  return Number.isFinite(zoom) && zoom > 0 ? Math.round(zoom * 100) / 100 : 1;
}

/**
 * The only module that imports ECharts. It is loaded by lazy-chart.tsx after the page has
 * hydrated, so the chart engine (about 180 KB gzip) is not part of any page's first-load JS.
 * Under a CSS zoom the canvas would be stretched and blurred, so it is drawn at the zoomed
 * resolution instead (ECharts' devicePixelRatio).
 */
export default function EChartCanvas({ option, height, onReady }: EChartCanvasProps) {
  const box = useRef<HTMLDivElement>(null);
  const [zoom, setZoom] = useState<number | null>(null);
  useLayoutEffect(() => {
    if (box.current) setZoom(zoomOf(box.current));
  }, []);
  return (
    <div ref={box} style={{ height, width: "100%" }}>
      {zoom !== null && (
        <ReactEChartsCore
          echarts={echarts}
          option={option}
          notMerge
          style={{ height, width: "100%" }}
          onChartReady={onReady}
          opts={zoom === 1 ? undefined : { devicePixelRatio: window.devicePixelRatio * zoom }}
        />
      )}
    </div>
  );
}
