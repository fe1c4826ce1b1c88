"use client";
import { type ComponentType, type ReactNode, useEffect, useState } from "react";
import type { EChartCanvasProps } from "./echart-canvas";

type Canvas = ComponentType<EChartCanvasProps>;
/** One load per page, shared by every chart on it and by later client navigations. */
let loading: Promise<Canvas> | undefined;
const loadCanvas = () => {
  loading ??= import("./echart-canvas").then((m) => m.default);
  return loading;
};

/**
 * A chart whose engine (ECharts, about 190 KB gzip) is not in any page's first-load JS: until it
 * has loaded, the box shows `placeholder` (the lines as server-rendered SVG, chart-preview.tsx),
 * so the chart is on screen from the first paint and the page's tiles, tables and controls become
 * interactive without waiting for the engine. Every page shares the engine's chunk.
 */
export function LazyChart(p: EChartCanvasProps & { readonly placeholder: ReactNode }) {
  // Always the placeholder first, as on the server, so hydration matches even when the engine
  // has already loaded for another chart; the effect then swaps in the engine.
  const [Engine, setEngine] = useState<Canvas | undefined>(undefined);
  useEffect(() => {
    let mounted = true;
    loadCanvas().then(
      (c) => {
        if (mounted) setEngine(() => c);
      },
      (err: unknown) => console.error("the chart engine failed to load", err),
    );
    return () => {
      mounted = false;
    };
  }, []);
  const { placeholder, ...canvas } = p;
  return <div style={{ height: p.height }}>{Engine ? <Engine {...canvas} /> : placeholder}</div>;
}
