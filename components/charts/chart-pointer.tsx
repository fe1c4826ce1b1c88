"use client";
import { type ReactNode, useRef, useState } from "react";
import { bucketIndexAt, bucketX, type Insets } from "@/lib/dashboard/chart-geometry";

/** Pixels a press must travel to be a drag (a selection) rather than a click (a pick). */
const DRAG_PX = 5;

/**
 * Drag across the chart to select buckets (onSelect with the two end indices), or click one
 * (onPick). Listens on the chart's container without covering it, so the engine's tooltip still
 * follows the pointer; the selection is drawn as a band that lets the pointer through.
 */
export function ChartPointer(p: {
  count: number;
  insets: Insets;
  onSelect?: ((a: number, b: number) => void) | undefined;
  onPick?: ((i: number) => void) | undefined;
  children: ReactNode;
}) {
  const box = useRef<HTMLDivElement>(null);
  const [drag, setDrag] = useState<{ x0: number; x: number } | null>(null);
  const xOf = (e: React.MouseEvent) => e.clientX - (box.current?.getBoundingClientRect().left ?? 0);
  const width = () => box.current?.getBoundingClientRect().width ?? 0;
  const index = (x: number) => bucketIndexAt(x, width(), p.insets, p.count);
  const band = drag && Math.abs(drag.x - drag.x0) >= DRAG_PX ? [index(drag.x0), index(drag.x)].sort((a, b) => a - b) : null;
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: a pointer gesture over a chart; the same ranges are set with the range inputs, by keyboard
    <div
      ref={box}
      className="relative select-none"
      data-testid="chart-pointer"
      onMouseDown={(e) => {
        if (e.button === 0) setDrag({ x0: xOf(e), x: xOf(e) });
      }}
      onMouseMove={(e) => {
        if (drag) setDrag({ ...drag, x: xOf(e) });
      }}
      onMouseLeave={() => setDrag(null)}
      onMouseUp={(e) => {
        if (!drag) return;
        const x = xOf(e);
        setDrag(null);
        if (Math.abs(x - drag.x0) >= DRAG_PX) {
          const a = index(drag.x0);
          const b = index(x);
          if (a !== b) p.onSelect?.(a, b);
        } else p.onPick?.(index(x));
      }}
    >
      {p.children}
      {band && (
        <div
          className="pointer-events-none absolute bottom-12 top-9 bg-rose-500/15 ring-1 ring-rose-500/40"
          style={{
            left: bucketX(band[0]!, width(), p.insets, p.count),
            width: Math.max(2, bucketX(band[1]!, width(), p.insets, p.count) - bucketX(band[0]!, width(), p.insets, p.count)),
          }}
          data-testid="chart-selection"
        />
      )}
    </div>
  );
}
