import "server-only";
import { type DailyDates, defaultDailyRange } from "../../dashboard/daily-range";
import type { DailyRangeQuery } from "../../dashboard/schemas";
import { getDailyCoverage } from "./daily-coverage";

/** The dates a daily request covers: as given, or the last 7 built days when from/to are omitted. */
export async function resolveDailyDates(q: Pick<DailyRangeQuery, "from" | "to">): Promise<DailyDates> {
  if (q.from && q.to) return { from: q.from, to: q.to };
  const coverage = await getDailyCoverage();
  return defaultDailyRange(q, coverage.data.lastDate, new Date(coverage.meta.fetchedAt));
}
