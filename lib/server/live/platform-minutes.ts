import "server-only";
/**
 * The whole platform's minute log (minute-source.ts), shared by the Pulse chart and KPI tiles of
 * every viewer: 48 h, so the 24 h preset's KPIs have their previous day. A range it covers is
 * answered from memory at the committed batch; anything else (longer or older ranges, no watcher,
 * Trino failing) goes to the statement as before.
 */
import type { Envelope } from "../../dashboard/envelope";
import type { MinuteLog } from "../../dashboard/minute-log";
import { DAY_MS } from "../../dashboard/param-values";
import type { RtRange } from "../../dashboard/schemas";
import { logMeta } from "./log-meta";
import { MinuteSource } from "./minute-source";
import { liveWatcher } from "./versions";

export const PLATFORM_SPAN_MS = 2 * DAY_MS;

const key = Symbol.for("pulse.dashboard.platformMinutes");
type Holder = { [key]?: MinuteSource };

export function platformMinutes(): MinuteSource {
  const holder = globalThis as Holder;
  holder[key] ??= new MinuteSource(PLATFORM_SPAN_MS, null);
  return holder[key];
}

/**
 * `read(log, lo, hi)` over the range resolved at the committed watermark T (a preset counts back
 * from T; the end is clamped to T), when the log covers `lo - lookbackMs`; undefined otherwise.
 */
export async function fromPlatformLog<T>(
  range: RtRange,
  lookbackMs: number,
  read: (log: MinuteLog, lo: number, hi: number) => T,
): Promise<Envelope<T> | undefined> {
  const watcher = liveWatcher();
  const state = watcher.healthy ? watcher.state : undefined;
  const t = state?.rt.watermark;
  if (!state || state.rt.state !== "complete" || t === null || t === undefined) return undefined;
  const lo = range.kind === "preset" ? t - range.minutes * 60_000 : range.startMs;
  const hi = range.kind === "preset" ? t : Math.min(range.endMs, t);
  if (lo - lookbackMs < t - PLATFORM_SPAN_MS) return undefined;
  let snap: Awaited<ReturnType<MinuteSource["at"]>>;
  try {
    snap = await platformMinutes().at(state);
  } catch {
    return undefined; // the statement path answers, with its own stale fallback
  }
  return {
    data: read(snap.log, lo, Math.max(lo, hi)),
    meta: logMeta(snap, state, t),
  };
}
