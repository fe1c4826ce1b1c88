import "server-only";
import { z } from "zod";
import type { Envelope } from "../../dashboard/envelope";
import type { DailyVideos } from "../../dashboard/models";
import type { DailyVideosQuery } from "../../dashboard/schemas";
import { sqlDate } from "../../trino/bind";
import { cachedQuery } from "../data";
import { withDailyWatermark } from "./daily-coverage";
import { resolveDailyDates } from "./daily-dates";

/**
 * sql/queries/daily_videos.sql: category is NULL when the video's latest day had none; completion
 * without started plays and retention before any next day is known are NULL.
 */
const Row = z.object({
  video_id: z.string(),
  category: z.string().nullable(),
  watch_hours: z.number(),
  completion_rate: z.number().nullable(),
  unique_viewers: z.number(),
  retention_d1: z.number().nullable(),
  days: z.number(),
  total_videos: z.number(),
});

export async function getDailyVideos(q: DailyVideosQuery): Promise<Envelope<DailyVideos & { from: string; to: string }>> {
  const dates = await resolveDailyDates(q);
  return withDailyWatermark(
    cachedQuery({
      name: "daily_videos",
      params: {
        date_from: sqlDate(dates.from),
        date_to: sqlDate(dates.to),
        category: q.category ?? null,
        sort: q.sort,
        dir: q.dir,
        limit: q.limit,
      },
      freshness: "daily",
      row: Row,
      map: (rows) => ({
        ...dates,
        total: rows[0]?.total_videos ?? 0,
        rows: rows.map((r) => ({
          videoId: r.video_id,
          category: r.category,
          watchHours: r.watch_hours,
          completionRate: r.completion_rate,
          uniqueViewers: r.unique_viewers,
          retentionD1: r.retention_d1,
          days: r.days,
        })),
      }),
      watermark: () => null,
    }),
  );
}
