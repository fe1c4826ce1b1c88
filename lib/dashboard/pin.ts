/**
 * Pinning a Pulse link: a preset range ("the last hour") counts back from the watermark whenever it
 * is opened; pinned, it becomes the absolute range it showed at the pinning watermark T:
 * [T - preset minutes, T). Pure; unit-tested.
 */
import { RANGE_PRESETS, type RangePreset } from "./param-values";
import { urlInstant } from "./zoned-time";

export interface PinnableState {
  readonly range: RangePreset | "custom";
  readonly from: string | null;
  readonly to: string | null;
}

/** The URL state of the pinned view, or null without a watermark (nothing to pin to yet). */
export function pinnedRange(state: PinnableState, watermark: number | null): { range: "custom"; from: string; to: string; pinned: true } | null {
  if (state.range === "custom") return state.from && state.to ? { range: "custom", from: state.from, to: state.to, pinned: true } : null;
  if (watermark === null) return null;
  return { range: "custom", from: urlInstant(watermark - RANGE_PRESETS[state.range] * 60_000), to: urlInstant(watermark), pinned: true };
}

/** The live view a pinned one came from: the smallest preset that holds its span (else the longest). */
export function livePreset(fromMs: number, toMs: number): RangePreset {
  const minutes = (toMs - fromMs) / 60_000;
  const presets = (Object.entries(RANGE_PRESETS) as [RangePreset, number][]).sort((a, b) => a[1] - b[1]);
  return (presets.find(([, m]) => m >= minutes) ?? presets.at(-1)!)[0];
}
