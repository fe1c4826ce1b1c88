"use client";
/**
 * uPlot (a canvas chart library of about 22 KB gzip) in React: the chart is built when its options
 * change, fed new data in place, sized to its holder's width, and reports which bucket the pointer
 * is over so the React tooltip can show it.
 */
import { type RefObject, useEffect, useRef, useState } from "react";
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";

export interface Hover {
  /** The bucket under the pointer. */
  readonly idx: number;
  /** The pointer, in CSS px from the holder's top-left corner. */
  readonly x: number;
  readonly y: number;
}

export function useUPlot(
  holder: RefObject<HTMLDivElement | null>,
  options: Omit<uPlot.Options, "width">,
  data: uPlot.AlignedData,
  onReady?: () => void,
): Hover | null {
  const chart = useRef<uPlot | null>(null);
  const [hover, setHover] = useState<Hover | null>(null);
  const latest = useRef({ data, onReady });
  latest.current = { data, onReady };

  useEffect(() => {
    const el = holder.current;
    if (!el) return;
    const onCursor = (u: uPlot) => {
      const { idx, left, top } = u.cursor;
      setHover(
        idx === null || idx === undefined || left === undefined || left < 0 ? null : { idx, x: left + u.over.offsetLeft, y: (top ?? 0) + u.over.offsetTop },
      );
    };
    const u = new uPlot(
      { ...options, width: Math.max(el.clientWidth, 200), hooks: { ...options.hooks, setCursor: [...(options.hooks?.setCursor ?? []), onCursor] } },
      latest.current.data,
      el,
    );
    chart.current = u;
    latest.current.onReady?.();
    const resize = new ResizeObserver(() => {
      if (el.clientWidth > 0 && el.clientWidth !== u.width) u.setSize({ width: el.clientWidth, height: options.height });
    });
    resize.observe(el);
    return () => {
      resize.disconnect();
      u.destroy();
      chart.current = null;
      setHover(null);
    };
  }, [holder, options]);

  useEffect(() => {
    if (chart.current && chart.current.data !== data) chart.current.setData(data);
  }, [data]);

  return hover;
}
