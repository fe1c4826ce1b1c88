import "server-only";
import type { Envelope } from "../../dashboard/envelope";
import type { VideoMinute } from "../../dashboard/models";
import { RANGE_PRESETS, type VideoSeriesQuery } from "../../dashboard/schemas";
import { cachedQuery, firstWatermark, num, numOrNull } from "../data";
import { withRtWatermark } from "./rt-watermark";

export function getVideoSeries(videoId: string, q: VideoSeriesQuery): Promise<Envelope<readonly VideoMinute[]>> {
  return cachedQuery({
    name: "video_minute_series",
    params: { video_id: videoId, range_minutes: RANGE_PRESETS[q.range] },
    freshness: "rt",
    map: (rows) =>
      rows.map((r) => ({
        t: num(r.minute_ms),
        impressions: num(r.impressions),
        plays: num(r.play_start),
        finishes: num(r.play_finish),
        likes: num(r.likes),
        shares: num(r.shares),
        velocity: num(r.velocity_score),
        acceleration: num(r.acceleration),
        completionRate: numOrNull(r.completion_rate),
      })),
    watermark: firstWatermark,
  }).then(withRtWatermark);
}
