import "server-only";
import type { Envelope } from "../../dashboard/envelope";
import type { PlatformSeries } from "../../dashboard/models";
import { MINUTE_BUCKET_MAX_MINUTES, type PulseRangeQuery } from "../../dashboard/schemas";
import { cachedQuery, firstWatermark, num, numOrNull } from "../data";
import { rtRangeParams } from "./rt-range-params";
import { withRtWatermark } from "./rt-watermark";

export function getPulseSeries(q: PulseRangeQuery): Promise<Envelope<PlatformSeries>> {
  const bucket: PlatformSeries["bucket"] = q.range.minutes <= MINUTE_BUCKET_MAX_MINUTES ? "minute" : "hour";
  return cachedQuery<PlatformSeries>({
    name: "pulse_platform_series",
    params: { ...rtRangeParams(q.range), bucket, tz: q.tz },
    freshness: "rt",
    map: (rows) => ({
      bucket,
      points: rows.map((r) => ({
        t: num(r.bucket_ms),
        minutes: num(r.minutes),
        impressions: num(r.impressions),
        plays: num(r.play_start),
        finishes: num(r.play_finish),
        likes: num(r.likes),
        shares: num(r.shares),
        completionRate: numOrNull(r.completion_rate),
      })),
    }),
    watermark: firstWatermark,
  }).then(withRtWatermark);
}
