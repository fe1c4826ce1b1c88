/**
 * Wall-clock time in a named zone <-> instants, for the custom-range inputs (a `datetime-local`
 * value has no zone; the dashboard's zone setting gives it one). Pure Intl, no tz database of our own.
 */

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

function parts(ms: number, tz: string): Record<string, number> {
  let f = partsFormatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone: tz,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    partsFormatters.set(tz, f);
  }
  const out: Record<string, number> = {};
  for (const p of f.formatToParts(ms)) if (p.type !== "literal") out[p.type] = Number(p.value);
  return out;
}

/** Offset of `tz` from UTC at instant `ms`, in ms (positive east of Greenwich). */
export function zoneOffsetMs(ms: number, tz: string): number {
  const p = parts(ms, tz);
  const asUtc = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
  return asUtc - Math.floor(ms / 1000) * 1000;
}

/**
 * "2026-11-24T14:05" as wall time in `tz` -> epoch ms; null when malformed or not a calendar time.
 * Like Temporal's "compatible" disambiguation: a repeated wall time (DST end) takes the earlier
 * instant, a skipped one (DST gap) is pushed forward by the gap, e.g. 02:30 -> 03:30.
 */
export function wallTimeToInstant(local: string, tz: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!m) return null;
  const guess = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!);
  if (!Number.isFinite(guess) || new Date(guess).toISOString().slice(0, 16) !== local) return null;
  const candidates = [...new Set([guess - zoneOffsetMs(guess - 86_400_000, tz), guess - zoneOffsetMs(guess + 86_400_000, tz)])].sort((a, b) => a - b);
  const exact = candidates.filter((c) => instantToWallTime(c, tz) === local);
  if (exact.length > 0) return exact[0]!;
  // In a gap: with the offset from before the gap the wall time lands after it.
  return guess - zoneOffsetMs(guess - 86_400_000, tz);
}

/** Epoch ms -> "2026-11-24T14:05" wall time in `tz` (a `datetime-local` value). */
export function instantToWallTime(ms: number, tz: string): string {
  const p = parts(ms, tz);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${p.year}-${pad(p.month!)}-${pad(p.day!)}T${pad(p.hour!)}:${pad(p.minute!)}`;
}

/** Epoch ms -> the compact UTC form used in URLs, e.g. "2026-11-24T14:05Z". */
export const urlInstant = (ms: number) => `${new Date(ms).toISOString().slice(0, 16)}Z`;

/** Whether the runtime knows `tz` as an IANA zone (zod's timeZoneSchema and the browser's own guards share it). */
export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}
