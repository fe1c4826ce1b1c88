import "server-only";
import { z } from "zod";
import { serverConfig } from "../../config/server";
import type { Envelope } from "../../dashboard/envelope";
import type { VideoSummary } from "../../dashboard/models";
import { type CachedQueryOptions, cachedQuery, firstWatermark } from "../data";
import { onlyRow } from "../typed-rows";
import { boundRtWatermark, withRtWatermark } from "./rt-watermark";

/**
 * sql/queries/video_summary.sql: one row; the dimension columns are NULL for a video without a
 * dimension row (status is coalesced to 'active'), velocity and counters are coalesced to 0.
 */
const Row = z.object({
  known: z.boolean(),
  creator_id: z.string().nullable(),
  category: z.string().nullable(),
  status: z.string(),
  duration_ms: z.number().nullable(),
  upload_ms: z.number().nullable(),
  velocity_score: z.number(),
  acceleration: z.number(),
  impressions_24h: z.number(),
  plays_24h: z.number(),
  finishes_24h: z.number(),
  likes_24h: z.number(),
  shares_24h: z.number(),
  completion_rate_24h: z.number().nullable(),
  watermark_ms: z.number(),
});

/** At the watermark the dashboard knows, bound as a constant (see getTrending). */
export async function getVideoSummary(videoId: string, opts: CachedQueryOptions = {}): Promise<Envelope<VideoSummary>> {
  const completeThrough = await boundRtWatermark();
  return cachedQuery(
    {
      name: "video_summary",
      params: {
        video_id: videoId,
        complete_through: completeThrough,
        window_minutes: serverConfig().PULSE_VELOCITY_WINDOW_MINUTES,
      },
      freshness: "rt",
      row: Row,
      map: (rows) => {
        const r = onlyRow("video_summary", rows);
        return {
          videoId,
          known: r.known,
          creatorId: r.creator_id,
          category: r.category,
          status: r.status,
          durationMs: r.duration_ms,
          uploadTime: r.upload_ms,
          velocity: r.velocity_score,
          acceleration: r.acceleration,
          impressions24h: r.impressions_24h,
          plays24h: r.plays_24h,
          finishes24h: r.finishes_24h,
          likes24h: r.likes_24h,
          shares24h: r.shares_24h,
          completionRate24h: r.completion_rate_24h,
        };
      },
      watermark: firstWatermark,
    },
    opts,
  ).then(withRtWatermark);
}
