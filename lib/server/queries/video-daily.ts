import "server-only";
import type { Envelope } from "../../dashboard/envelope";
import type { VideoDay } from "../../dashboard/models";
import { cachedQuery, num, numOrNull, strOrNull } from "../data";
import { withDailyWatermark } from "./daily-coverage";

const HISTORY_DAYS = 90;

export function getVideoDaily(videoId: string): Promise<Envelope<readonly VideoDay[]>> {
  return withDailyWatermark(
    cachedQuery({
      name: "video_daily_history",
      params: { video_id: videoId, limit: HISTORY_DAYS },
      freshness: "daily",
      map: (rows) =>
        rows.map((r) => ({
          date: String(r.date),
          category: strOrNull(r.category_at_date),
          watchHours: num(r.watch_hours),
          completionRate: numOrNull(r.completion_rate),
          uniqueViewers: num(r.unique_viewers),
          retentionD1: numOrNull(r.retention_d1),
        })),
      watermark: () => null,
    }),
  );
}
