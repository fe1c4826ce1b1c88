import "server-only";
import { z } from "zod";
import type { Envelope } from "../../dashboard/envelope";
import type { Trending } from "../../dashboard/models";
import type { TrendingQuery } from "../../dashboard/schemas";
import { type CachedQueryOptions, cachedQuery, firstWatermark } from "../data";
import { decimal } from "../typed-rows";
import { withRtWatermark } from "./rt-watermark";

/**
 * sql/queries/pulse_trending.sql: without a dimension row a video has no category and, when the RT
 * log carries no upload time either, no age or trending score. age_hours is a DECIMAL.
 */
const Row = z.object({
  rank: z.number(),
  video_id: z.string(),
  category: z.string().nullable(),
  upload_ms: z.number().nullable(),
  age_hours: decimal.nullable(),
  velocity_score: z.number(),
  acceleration: z.number(),
  trending_score: z.number().nullable(),
  impressions_recent: z.number(),
  play_start_recent: z.number(),
  likes_recent: z.number(),
  shares_recent: z.number(),
  total_videos: z.number(),
  watermark_ms: z.number(),
});

export function getTrending(q: TrendingQuery, opts: CachedQueryOptions = {}): Promise<Envelope<Trending>> {
  return cachedQuery(
    {
      name: "pulse_trending",
      params: { category: q.category ?? null, sort: q.sort, limit: q.limit },
      freshness: "rt",
      row: Row,
      map: (rows) => ({
        total: rows[0]?.total_videos ?? 0,
        rows: rows.map((r) => ({
          rank: r.rank,
          videoId: r.video_id,
          category: r.category,
          uploadTime: r.upload_ms,
          ageHours: r.age_hours,
          velocity: r.velocity_score,
          acceleration: r.acceleration,
          trendingScore: r.trending_score,
          impressions: r.impressions_recent,
          plays: r.play_start_recent,
          likes: r.likes_recent,
          shares: r.shares_recent,
        })),
      }),
      watermark: firstWatermark,
    },
    opts,
  ).then(withRtWatermark);
}
