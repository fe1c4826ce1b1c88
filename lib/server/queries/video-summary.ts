import "server-only";
import type { Envelope } from "../../dashboard/envelope";
import type { VideoSummary } from "../../dashboard/models";
import { cachedQuery, firstWatermark, num, numOrNull, strOrNull } from "../data";
import { withRtWatermark } from "./rt-watermark";

export function getVideoSummary(videoId: string): Promise<Envelope<VideoSummary>> {
  return cachedQuery({
    name: "video_summary",
    params: { video_id: videoId },
    freshness: "rt",
    map: (rows) => {
      const r = rows[0] ?? {};
      return {
        videoId,
        known: r.known === true,
        creatorId: strOrNull(r.creator_id),
        category: strOrNull(r.category),
        status: strOrNull(r.status) ?? "active",
        durationMs: numOrNull(r.duration_ms),
        uploadTime: numOrNull(r.upload_ms),
        velocity: num(r.velocity_score),
        acceleration: num(r.acceleration),
        impressions24h: num(r.impressions_24h),
        plays24h: num(r.plays_24h),
        finishes24h: num(r.finishes_24h),
        likes24h: num(r.likes_24h),
        shares24h: num(r.shares_24h),
        completionRate24h: numOrNull(r.completion_rate_24h),
      };
    },
    watermark: firstWatermark,
  }).then(withRtWatermark);
}
