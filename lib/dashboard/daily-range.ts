/** Default dates of the daily page: the last 7 built days (UTC dates, the mart's grain). */
import { DAY_MS } from "./param-values";

export interface DailyDates {
  readonly from: string;
  readonly to: string;
}

export const DEFAULT_DAILY_DAYS = 7;

const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * Fills what the request left out: `to` defaults to the newest built date (else yesterday, UTC),
 * `from` to 6 days before `to`; a lone `from` gets `to` = from + 6 days.
 */
export function defaultDailyRange(q: { from?: string | undefined; to?: string | undefined }, lastBuilt: string | null, now: Date): DailyDates {
  if (q.from && !q.to) return { from: q.from, to: isoDate(Date.parse(q.from) + (DEFAULT_DAILY_DAYS - 1) * DAY_MS) };
  const to = q.to ?? lastBuilt ?? isoDate(now.getTime() - DAY_MS);
  return { from: q.from ?? isoDate(Date.parse(to) - (DEFAULT_DAILY_DAYS - 1) * DAY_MS), to };
}
