/**
 * What a live panel sends on a commit: nothing when it did not change, its new and corrected points
 * when it is a time series whose shape stayed the same, otherwise its whole envelope. Pure (no
 * "server-only"), so the rule is unit-tested; the hub computes it once per view per commit.
 */
import type { Envelope } from "../../dashboard/envelope";
import type { PanelDelta } from "../../dashboard/live-messages";
import { diffSeries, type Timed } from "../../dashboard/series-delta";

export type PanelKind = "full" | "points";

/** A series panel's points: the Pulse chart's `{ bucket, points }` or the video page's plain array of minutes. */
function pointsOf(data: unknown): readonly Timed[] | undefined {
  if (Array.isArray(data)) return data as Timed[];
  const points = (data as { points?: unknown } | null)?.points;
  return Array.isArray(points) ? (points as Timed[]) : undefined;
}

/** Everything but the points, to tell a series whose shape changed (e.g. bucket) from one that only moved. */
function shapeOf(data: unknown): string {
  return Array.isArray(data) ? "[]" : JSON.stringify({ ...(data as object), points: undefined });
}

/** What a viewer sees of a panel: its data and the meta it shows (not when or at which version it was computed). */
const visible = (e: Envelope<unknown>) =>
  JSON.stringify([e.data, e.meta.watermark, e.meta.stale, e.meta.staleReason ?? null, e.meta.rtLoading ?? null, e.meta.sql]);

export function diffPanel(prev: Envelope<unknown> | undefined, next: Envelope<unknown>, kind: PanelKind): PanelDelta | null {
  if (prev && visible(prev) === visible(next)) return null;
  const before = prev ? pointsOf(prev.data) : undefined;
  const after = pointsOf(next.data);
  if (kind === "full" || !prev || !before || !after || shapeOf(prev.data) !== shapeOf(next.data)) return { kind: "full", envelope: next };
  // Points may only leave from the front (the window slides); any other removal is sent whole.
  const delta = diffSeries(before, after);
  if (!delta) return { kind: "full", envelope: next };
  return { kind: "points", meta: next.meta, dropBefore: delta.dropBefore, upsert: delta.upsert };
}
