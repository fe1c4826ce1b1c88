import "server-only";
import { z } from "zod";
import type { Envelope } from "../../dashboard/envelope";
import type { CategoryDay } from "../../dashboard/models";
import type { DailyRangeQuery } from "../../dashboard/schemas";
import { sqlDate } from "../../trino/bind";
import { cachedQuery } from "../data";
import { withDailyWatermark } from "./daily-coverage";
import { resolveDailyDates } from "./daily-dates";

/** sql/queries/daily_category_trends.sql: completion is NULL for a day without started plays, retention while no video's is known. */
const Row = z.object({
  date: z.string(),
  category: z.string(),
  watch_hours: z.number(),
  completion_rate: z.number().nullable(),
  unique_viewers: z.number(),
  videos: z.number(),
  retention_d1: z.number().nullable(),
});

export async function getDailyCategories(q: DailyRangeQuery): Promise<Envelope<{ from: string; to: string; days: readonly CategoryDay[] }>> {
  const dates = await resolveDailyDates(q);
  return withDailyWatermark(
    cachedQuery({
      name: "daily_category_trends",
      params: { date_from: sqlDate(dates.from), date_to: sqlDate(dates.to), category: q.category ?? null },
      freshness: "daily",
      row: Row,
      map: (rows) => ({
        ...dates,
        days: rows.map((r) => ({
          date: r.date,
          category: r.category,
          watchHours: r.watch_hours,
          completionRate: r.completion_rate,
          uniqueViewers: r.unique_viewers,
          videos: r.videos,
          retentionD1: r.retention_d1,
        })),
      }),
      watermark: () => null,
    }),
  );
}
