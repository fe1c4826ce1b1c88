"use client";
import { fmtDateTime, zoneLabel } from "@/lib/dashboard/format";
import type { RangePreset } from "@/lib/dashboard/param-values";
import { livePreset, type PinnableState, pinnedRange } from "@/lib/dashboard/pin";

type PinParams = PinnableState & { readonly pinned: boolean; readonly tz: string };
type SetPin = (p: { range: RangePreset | "custom"; from: string | null; to: string | null; pinned: boolean; at?: null }) => void;

/**
 * "Pin": freeze the view's range into absolute times (a preset as of the data's watermark), so the
 * link shows the same minutes whenever it is opened; a pinned view says so, with the way back to live.
 */
export function PinControls({ params, watermark, setParams }: { params: PinParams; watermark: number | null; setParams: SetPin }) {
  if (params.pinned && params.from && params.to) {
    const from = Date.parse(params.from);
    const to = Date.parse(params.to);
    return (
      <div className="flex flex-wrap items-center gap-2 rounded-md bg-slate-800 px-3 py-1.5 text-xs text-white" role="status" data-testid="pinned-banner">
        <span>
          Pinned to {fmtDateTime(from, params.tz)} – {fmtDateTime(to, params.tz)} ({zoneLabel(params.tz)}): this link always shows these minutes.
        </span>
        <button type="button" className="underline" onClick={() => setParams({ range: livePreset(from, to), from: null, to: null, pinned: false, at: null })}>
          Back to live
        </button>
      </div>
    );
  }
  const pin = pinnedRange(params, watermark);
  return (
    <button
      type="button"
      disabled={!pin}
      title={pin ? "Freeze this range into absolute times: the link will show these minutes forever" : "No data yet to pin to"}
      className="rounded border border-slate-300 px-2 py-1 text-xs text-slate-600 enabled:hover:bg-slate-100 disabled:opacity-40 dark:border-slate-700 dark:text-slate-300"
      onClick={() => pin && setParams({ ...pin, at: null })}
      data-testid="pin-button"
    >
      Pin link
    </button>
  );
}
