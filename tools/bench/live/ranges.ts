/**
 * Distinct custom Pulse ranges for the burst: valid by the API's own schema (whole minutes, from
 * before to, at most 7 days long) and inside the real-time log's last 7 days, so each one is a
 * different statement the server cannot answer from its cache. Lengths are drawn on a log scale
 * from 10 minutes to 6 days, so both per-minute (up to a day) and per-hour buckets are asked for.
 */
import type { Rng } from "../../../lib/pipeline/simulator/rng";

const MINUTE_MS = 60_000;
const DAY_MINUTES = 24 * 60;
/** Ranges end at least this far inside the 7-day window, so none starts before the log's retention. */
const MARGIN_MINUTES = 60;
const MIN_MINUTES = 10;
const MAX_MINUTES = 6 * DAY_MINUTES;

export interface CustomRange {
  readonly fromMs: number;
  readonly toMs: number;
}

/** ISO-8601 to the minute in UTC, the form the page writes (`2026-11-24T12:00Z`). */
export const isoMinute = (ms: number) => `${new Date(ms).toISOString().slice(0, 16)}Z`;

export const rangeQuery = (r: CustomRange) => `from=${encodeURIComponent(isoMinute(r.fromMs))}&to=${encodeURIComponent(isoMinute(r.toMs))}`;

/**
 * `count` ranges within the 7 days before `nowMs`, none equal to each other or to one in `seen`
 * (which this adds them to, so successive calls stay distinct).
 */
export function distinctRanges(count: number, nowMs: number, rng: Rng, seen: Set<string>): CustomRange[] {
  const nowMinute = Math.floor(nowMs / MINUTE_MS);
  const windowMinutes = 7 * DAY_MINUTES - MARGIN_MINUTES;
  const out: CustomRange[] = [];
  for (let attempts = 0; out.length < count; attempts++) {
    if (attempts > count * 100) throw new Error(`could not draw ${count} distinct ranges (${seen.size} already used)`);
    const minutes = Math.round(MIN_MINUTES * (MAX_MINUTES / MIN_MINUTES) ** rng.next());
    const endBack = Math.floor(rng.next() * (windowMinutes - minutes + 1));
    const toMinute = nowMinute - endBack;
    const key = `${toMinute - minutes}/${toMinute}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ fromMs: (toMinute - minutes) * MINUTE_MS, toMs: toMinute * MINUTE_MS });
  }
  return out;
}
