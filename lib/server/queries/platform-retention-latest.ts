import "server-only";
import { z } from "zod";
import type { Envelope } from "../../dashboard/envelope";
import type { PlatformRetentionDay } from "../../dashboard/models";
import { type CachedQueryOptions, cachedQuery } from "../data";
import { withDailyWatermark } from "./daily-coverage";

/** sql/queries/platform_retention_latest.sql: the retention pair is NULL until the next day is complete. */
const Row = z.object({
  date: z.string(),
  retention_d1: z.number().nullable(),
  cohort_viewers: z.number(),
  retained_viewers: z.number().nullable(),
});

export function getPlatformRetentionLatest(opts: CachedQueryOptions = {}): Promise<Envelope<readonly PlatformRetentionDay[]>> {
  return withDailyWatermark(
    cachedQuery(
      {
        name: "platform_retention_latest",
        params: {},
        freshness: "daily",
        row: Row,
        map: (rows) => rows.map((r) => ({ date: r.date, retentionD1: r.retention_d1, cohortViewers: r.cohort_viewers, retainedViewers: r.retained_viewers })),
        watermark: () => null,
      },
      opts,
    ),
  );
}
