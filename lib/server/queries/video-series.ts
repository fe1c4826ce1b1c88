import "server-only";
import { z } from "zod";
import type { Envelope } from "../../dashboard/envelope";
import type { VideoMinute } from "../../dashboard/models";
import { RANGE_PRESETS, type VideoSeriesQuery } from "../../dashboard/schemas";
import { type CachedQueryOptions, cachedQuery, firstWatermark } from "../data";
import { fromVideoLog } from "../live/video-minutes";
import { withRtWatermark } from "./rt-watermark";

/** sql/queries/video_minute_series.sql: dense minutes (zeros without traffic); completion is NULL without plays. */
const Row = z.object({
  minute_ms: z.number(),
  impressions: z.number(),
  play_start: z.number(),
  play_finish: z.number(),
  likes: z.number(),
  shares: z.number(),
  velocity_score: z.number(),
  acceleration: z.number(),
  completion_rate: z.number().nullable(),
  watermark_ms: z.number(),
});

export async function getVideoSeries(videoId: string, q: VideoSeriesQuery, opts: CachedQueryOptions = {}): Promise<Envelope<readonly VideoMinute[]>> {
  // From the video's live minute log when there is a committed state: its new batches' rows only.
  const live = await fromVideoLog(videoId, RANGE_PRESETS[q.range]);
  if (live) return withRtWatermark(live);
  return cachedQuery(
    {
      name: "video_minute_series",
      params: { video_id: videoId, range_minutes: RANGE_PRESETS[q.range] },
      freshness: "rt",
      row: Row,
      map: (rows) =>
        rows.map((r) => ({
          t: r.minute_ms,
          impressions: r.impressions,
          plays: r.play_start,
          finishes: r.play_finish,
          likes: r.likes,
          shares: r.shares,
          velocity: r.velocity_score,
          acceleration: r.acceleration,
          completionRate: r.completion_rate,
        })),
      watermark: firstWatermark,
    },
    opts,
  ).then(withRtWatermark);
}
