import "server-only";
import type { Envelope } from "../../dashboard/envelope";
import type { CategoryDay } from "../../dashboard/models";
import type { DailyRangeQuery } from "../../dashboard/schemas";
import { sqlDate } from "../../trino/bind";
import { cachedQuery, num, numOrNull } from "../data";
import { withDailyWatermark } from "./daily-coverage";
import { resolveDailyDates } from "./daily-dates";

export async function getDailyCategories(q: DailyRangeQuery): Promise<Envelope<{ from: string; to: string; days: readonly CategoryDay[] }>> {
  const dates = await resolveDailyDates(q);
  return withDailyWatermark(
    cachedQuery({
      name: "daily_category_trends",
      params: { date_from: sqlDate(dates.from), date_to: sqlDate(dates.to), category: q.category ?? null },
      freshness: "daily",
      map: (rows) => ({
        ...dates,
        days: rows.map((r) => ({
          date: String(r.date),
          category: String(r.category),
          watchHours: num(r.watch_hours),
          completionRate: numOrNull(r.completion_rate),
          uniqueViewers: num(r.unique_viewers),
          videos: num(r.videos),
        })),
      }),
      watermark: () => null,
    }),
  );
}
