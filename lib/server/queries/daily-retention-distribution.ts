import "server-only";
import { z } from "zod";
import type { Envelope } from "../../dashboard/envelope";
import type { RetentionDistribution } from "../../dashboard/models";
import { distributionFromRows } from "../../dashboard/retention";
import type { RetentionDistributionQuery } from "../../dashboard/schemas";
import { sqlDate } from "../../trino/bind";
import { cachedQuery } from "../data";
import { withDailyWatermark } from "./daily-coverage";
import { resolveDailyDates } from "./daily-dates";

/** Ten bins of ten points: fine enough to see a tail, coarse enough that each bar means something. */
export const RETENTION_BINS = 10;
const OUTLIERS = 5;

/** sql/queries/daily_retention_distribution.sql: 'bin' rows carry no video; 'low'/'high' rows one video each. */
const Row = z.object({
  kind: z.enum(["bin", "low", "high"]),
  k: z.number(),
  videos: z.number(),
  video_id: z.string().nullable(),
  retention_d1: z.number().nullable(),
  viewers: z.number().nullable(),
});

export async function getRetentionDistribution(q: RetentionDistributionQuery): Promise<Envelope<RetentionDistribution>> {
  const dates = await resolveDailyDates(q);
  return withDailyWatermark(
    cachedQuery({
      name: "daily_retention_distribution",
      params: {
        date_from: sqlDate(dates.from),
        date_to: sqlDate(dates.to),
        category: q.category ?? null,
        bins: RETENTION_BINS,
        min_viewers: q.min_viewers,
        outliers: OUTLIERS,
      },
      freshness: "daily",
      row: Row,
      map: (rows) => ({ ...dates, ...distributionFromRows(rows, RETENTION_BINS, q.min_viewers) }),
      watermark: () => null,
    }),
  );
}
