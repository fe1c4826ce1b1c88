import "server-only";
import { z } from "zod";
import { serverConfig } from "../../config/server";
import type { Envelope } from "../../dashboard/envelope";
import type { Trending } from "../../dashboard/models";
import type { TrendingQuery } from "../../dashboard/schemas";
import { baselineZ, denseSparkline } from "../../dashboard/why-it-ranks";
import { type CachedQueryOptions, cachedQuery, firstWatermark } from "../data";
import { decimal } from "../typed-rows";
import { boundRtWatermark, withRtWatermark } from "./rt-watermark";

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
  baseline_velocity: z.number(),
  velocity_change: z.number(),
  impressions_recent: z.number(),
  play_start_recent: z.number(),
  likes_recent: z.number(),
  shares_recent: z.number(),
  total_videos: z.number(),
  creator_id: z.string().nullable(),
  hashtags: z.array(z.string()).nullable(),
  spark_ago: z.array(z.number()).nullable(),
  spark_plays: z.array(z.number()).nullable(),
  watermark_ms: z.number(),
});

/**
 * The ranking at the watermark the dashboard knows (boundRtWatermark): bound as a constant, it lets
 * Trino prune the log to the minutes read, and keys the cached result on the data's watermark.
 * Before the first commit the statement falls back to the clock, as gold.rt_watermark does.
 */
export async function getTrending(q: TrendingQuery, opts: CachedQueryOptions = {}): Promise<Envelope<Trending>> {
  const window = serverConfig().PULSE_VELOCITY_WINDOW_MINUTES;
  const completeThrough = await boundRtWatermark();
  return cachedQuery(
    {
      name: "pulse_trending",
      params: {
        complete_through: completeThrough,
        category: q.category ?? null,
        creator: q.creator ?? null,
        sort: q.sort,
        limit: q.limit,
        window_minutes: window,
      },
      freshness: "rt",
      row: Row,
      map: (rows) => ({
        total: rows[0]?.total_videos ?? 0,
        rows: rows
          .map((r) => ({
            rank: r.rank,
            videoId: r.video_id,
            category: r.category,
            uploadTime: r.upload_ms,
            ageHours: r.age_hours,
            velocity: r.velocity_score,
            acceleration: r.acceleration,
            trendingScore: r.trending_score,
            baselineVelocity: r.baseline_velocity,
            velocityChange: r.velocity_change,
            impressions: r.impressions_recent,
            plays: r.play_start_recent,
            likes: r.likes_recent,
            shares: r.shares_recent,
            creatorId: r.creator_id,
            hashtags: r.hashtags ?? [],
            sparkline: denseSparkline(r.spark_ago ?? [], r.spark_plays ?? []),
          }))
          .map((row) => ({ ...row, baselineZ: baselineZ(row.sparkline, row.velocity, window) })),
      }),
      watermark: firstWatermark,
    },
    opts,
  ).then(withRtWatermark);
}
