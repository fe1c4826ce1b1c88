import "server-only";
import { z } from "zod";
import type { Envelope } from "../../dashboard/envelope";
import type { VideoDay } from "../../dashboard/models";
import { cachedQuery } from "../data";
import { withDailyWatermark } from "./daily-coverage";

const HISTORY_DAYS = 90;

/**
 * sql/queries/video_daily_history.sql: category_at_date is NULL when the video's CDC had not
 * arrived; completion without started plays and retention until the next day is built are NULL.
 */
const Row = z.object({
  date: z.string(),
  category_at_date: z.string().nullable(),
  watch_hours: z.number(),
  completion_rate: z.number().nullable(),
  unique_viewers: z.number(),
  retention_d1: z.number().nullable(),
});

export function getVideoDaily(videoId: string): Promise<Envelope<readonly VideoDay[]>> {
  return withDailyWatermark(
    cachedQuery({
      name: "video_daily_history",
      params: { video_id: videoId, limit: HISTORY_DAYS },
      freshness: "daily",
      row: Row,
      map: (rows) =>
        rows.map((r) => ({
          date: r.date,
          category: r.category_at_date,
          watchHours: r.watch_hours,
          completionRate: r.completion_rate,
          uniqueViewers: r.unique_viewers,
          retentionD1: r.retention_d1,
        })),
      watermark: () => null,
    }),
  );
}
