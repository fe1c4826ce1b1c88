import "server-only";
import type { Envelope } from "../../dashboard/envelope";
import type { DailyVideos } from "../../dashboard/models";
import type { DailyVideosQuery } from "../../dashboard/schemas";
import { sqlDate } from "../../trino/bind";
import { cachedQuery, num, numOrNull, strOrNull } from "../data";
import { withDailyWatermark } from "./daily-coverage";
import { resolveDailyDates } from "./daily-dates";

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
      map: (rows) => ({
        ...dates,
        total: num(rows[0]?.total_videos),
        rows: rows.map((r) => ({
          videoId: String(r.video_id),
          category: strOrNull(r.category),
          watchHours: num(r.watch_hours),
          completionRate: numOrNull(r.completion_rate),
          uniqueViewers: num(r.unique_viewers),
          retentionD1: numOrNull(r.retention_d1),
          days: num(r.days),
        })),
      }),
      watermark: () => null,
    }),
  );
}
