/**
 * What a live panel sends on a commit: nothing when it did not change, its new and corrected points
 * when it is a time series whose shape stayed the same, otherwise its whole envelope. Pure (no
 * "server-only"), so the rule is unit-tested; the hub computes it once per view per commit.
 */
import type { Envelope } from "../../dashboard/envelope";
import { type PanelDelta, pointsOf, type TimedPoint } from "../../dashboard/live-events";

export type PanelKind = "full" | "points";

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
  const old = new Map<number, string>(before.map((p) => [p.t, JSON.stringify(p)]));
  const upsert: TimedPoint[] = after.filter((p) => old.get(p.t) !== JSON.stringify(p));
  const dropBefore = after[0]?.t ?? Number.MAX_SAFE_INTEGER;
  // Points may only leave from the front (the window slides); any other removal is sent whole.
  const kept = new Set(after.map((p) => p.t));
  if (before.some((p) => p.t >= dropBefore && !kept.has(p.t))) return { kind: "full", envelope: next };
  return { kind: "points", meta: next.meta, dropBefore, upsert };
}
