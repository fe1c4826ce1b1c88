import "server-only";
import { z } from "zod";
import type { Envelope } from "../../dashboard/envelope";
import type { BucketTopVideo } from "../../dashboard/models";
import { sqlInstant } from "../../trino/bind";
import { type CachedQueryOptions, cachedQuery, firstWatermark } from "../data";
import { withRtWatermark } from "./rt-watermark";

/** sql/queries/top_videos_in_range.sql. */
const Row = z.object({
  video_id: z.string(),
  category: z.string().nullable(),
  status: z.string(),
  plays: z.number(),
  impressions: z.number(),
  finishes: z.number(),
  likes: z.number(),
  completion_rate: z.number().nullable(),
  watermark_ms: z.number(),
});

export const TOP_VIDEOS_LIMIT = 10;

export function getTopVideos(q: { from: number; to: number }, opts: CachedQueryOptions = {}): Promise<Envelope<readonly BucketTopVideo[]>> {
  return cachedQuery(
    {
      name: "top_videos_in_range",
      params: { from: sqlInstant(new Date(q.from)), to: sqlInstant(new Date(q.to)), limit: TOP_VIDEOS_LIMIT },
      freshness: "rt",
      priority: "adhoc",
      row: Row,
      map: (rows) =>
        rows.map((r) => ({
          videoId: r.video_id,
          category: r.category,
          status: r.status,
          plays: r.plays,
          impressions: r.impressions,
          finishes: r.finishes,
          likes: r.likes,
          completionRate: r.completion_rate,
        })),
      watermark: firstWatermark,
    },
    opts,
  ).then(withRtWatermark);
}
