"use client";
import type { ReactNode } from "react";
import type { Hover } from "./use-uplot";

/** The hovered bucket's values, beside the pointer (on its left in the right half), never catching the pointer itself. */
export function ChartTooltip({ hover, width, children }: { hover: Hover | null; width: number; children: ReactNode }) {
  if (!hover) return null;
  const onLeft = hover.x > width / 2;
  return (
    <div
      role="tooltip"
      className="pointer-events-none absolute z-10 whitespace-nowrap rounded border border-slate-200 bg-white px-2 py-1 text-xs shadow dark:border-slate-700 dark:bg-slate-900"
      style={{ top: Math.max(0, hover.y - 12), ...(onLeft ? { right: width - hover.x + 12 } : { left: hover.x + 12 }) }}
    >
      {children}
    </div>
  );
}

/** A series' colour dot in a tooltip or legend. */
export const Marker = ({ color }: { color: string }) => <span className="mr-1 inline-block h-2 w-2 rounded-full" style={{ background: color }} />;
