import "server-only";
import type { Envelope } from "../../dashboard/envelope";
import type { Trending } from "../../dashboard/models";
import type { TrendingQuery } from "../../dashboard/schemas";
import { cachedQuery, firstWatermark, num, numOrNull, strOrNull } from "../data";
import { withRtWatermark } from "./rt-watermark";

export function getTrending(q: TrendingQuery): Promise<Envelope<Trending>> {
  return cachedQuery({
    name: "pulse_trending",
    params: { category: q.category ?? null, sort: q.sort, limit: q.limit },
    freshness: "rt",
    map: (rows) => {
      const hits = rows.filter((r) => r.video_id !== null && r.video_id !== undefined);
      return {
        total: num(hits[0]?.total_videos),
        rows: hits.map((r) => ({
          rank: num(r.rank),
          videoId: String(r.video_id),
          category: strOrNull(r.category),
          uploadTime: numOrNull(r.upload_ms),
          ageHours: num(r.age_hours),
          velocity: num(r.velocity_score),
          acceleration: num(r.acceleration),
          trendingScore: num(r.trending_score),
          impressions: num(r.impressions_recent),
          plays: num(r.play_start_recent),
          likes: num(r.likes_recent),
          shares: num(r.shares_recent),
        })),
      };
    },
    watermark: firstWatermark,
  }).then(withRtWatermark);
}
