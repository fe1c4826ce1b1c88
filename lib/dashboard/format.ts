/** Display formatting shared by pages, charts, CSV and preview images. Every time is shown in one zone. */

const nf = new Intl.NumberFormat("en-US");
const nf1 = new Intl.NumberFormat("en-US", { maximumFractionDigits: 1, minimumFractionDigits: 1 });
const nf2 = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2, minimumFractionDigits: 2 });

export const fmtInt = (n: number) => nf.format(Math.round(n));
export const fmt1 = (n: number) => nf1.format(n);
export const fmt2 = (n: number) => nf2.format(n);
export const fmtPct = (ratio: number | null) => (ratio === null ? "—" : `${nf1.format(ratio * 100)}%`);

/** Whole numbers grouped, others to 4 significant digits: 1,000 · 0.6395 · 333.7 (alert values, z-scores). */
export function fmtSig(v: number | null): string {
  if (v === null) return "n/a";
  if (Number.isInteger(v)) return v.toLocaleString("en-US");
  return Number(v.toPrecision(4)).toLocaleString("en-US", { maximumFractionDigits: 6 });
}

/** Relative change of `current` vs `previous`, or null when there is nothing to compare with. */
export function change(current: number | null, previous: number | null): number | null {
  if (current === null || previous === null || previous === 0) return null;
  return (current - previous) / previous;
}

/** "+45.0% vs 24 h earlier"; `than` names the baseline ("24 h earlier", "a week earlier"). */
export function fmtChange(ratio: number | null, than = "24 h earlier", missing = "no data a day earlier"): string {
  if (ratio === null) return missing;
  const shown = nf1.format(Math.abs(ratio) * 100);
  const sign = shown === "0.0" ? "±" : ratio > 0 ? "+" : "−";
  return `${sign}${shown}% vs ${than}`;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function dtf(tz: string, kind: "time" | "datetime" | "date"): Intl.DateTimeFormat {
  const key = `${tz}|${kind}`;
  let f = formatters.get(key);
  if (!f) {
    const opts: Intl.DateTimeFormatOptions =
      kind === "time"
        ? { hour: "2-digit", minute: "2-digit", hourCycle: "h23" }
        : kind === "date"
          ? { year: "numeric", month: "2-digit", day: "2-digit" }
          : { year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" };
    f = new Intl.DateTimeFormat("en-CA", { ...opts, timeZone: tz });
    formatters.set(key, f);
  }
  return f;
}

/** "14:05" in `tz`. */
export const fmtTime = (ms: number, tz: string) => dtf(tz, "time").format(ms);
/** "2026-11-24 14:05" in `tz`. */
export const fmtDateTime = (ms: number, tz: string) => dtf(tz, "datetime").format(ms).replace(",", "");
/** The zone's short label, e.g. "UTC" or "GMT+5:30". */
export function zoneLabel(tz: string, at = Date.now()): string {
  if (tz === "UTC" || tz === "Etc/UTC") return "UTC";
  const part = new Intl.DateTimeFormat("en-US", { timeZone: tz, timeZoneName: "short" }).formatToParts(at).find((p) => p.type === "timeZoneName");
  return part?.value ?? tz;
}

/** "1 min behind", "up to date", "3 h 5 min behind": how far `watermark` trails the start of the current minute. */
export function fmtBehind(watermark: number, now: number): string {
  const minutes = Math.max(0, Math.floor(now / 60_000) - Math.floor(watermark / 60_000));
  if (minutes === 0) return "up to date";
  if (minutes < 60) return `${minutes} min behind`;
  const h = Math.floor(minutes / 60);
  if (h < 48) return `${h} h ${minutes % 60} min behind`;
  return `${Math.floor(h / 24)} days behind`;
}

export function fmtAge(hours: number): string {
  if (hours < 1) return `${Math.round(hours * 60)} min`;
  if (hours < 48) return `${fmt1(hours)} h`;
  return `${fmt1(hours / 24)} d`;
}

export function fmtDuration(ms: number | null): string {
  if (ms === null) return "—";
  const s = Math.round(ms / 1000);
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${s % 60} s`;
}
