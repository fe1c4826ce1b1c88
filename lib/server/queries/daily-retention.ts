import "server-only";
import { z } from "zod";
import type { Envelope } from "../../dashboard/envelope";
import type { DailyRetention } from "../../dashboard/models";
import { groupRetentionRows } from "../../dashboard/retention";
import type { DailyRangeQuery } from "../../dashboard/schemas";
import { sqlDate } from "../../trino/bind";
import { cachedQuery } from "../data";
import { withDailyWatermark } from "./daily-coverage";
import { resolveDailyDates } from "./daily-dates";

/**
 * sql/queries/daily_retention.sql: date is NULL on each series' whole-range row; retention is NULL
 * while unknown; the platform's range row has NULL viewers when no day of the range is known.
 */
const Row = z.object({
  series: z.enum(["platform", "category"]),
  category: z.string().nullable(),
  date: z.string().nullable(),
  retention_d1: z.number().nullable(),
  viewers: z.number().nullable(),
});

export async function getDailyRetention(q: DailyRangeQuery): Promise<Envelope<DailyRetention>> {
  const dates = await resolveDailyDates(q);
  return withDailyWatermark(
    cachedQuery({
      name: "daily_retention",
      params: { date_from: sqlDate(dates.from), date_to: sqlDate(dates.to), category: q.category ?? null },
      freshness: "daily",
      row: Row,
      map: (rows) => ({ ...dates, series: groupRetentionRows(rows) }),
      watermark: () => null,
    }),
  );
}
