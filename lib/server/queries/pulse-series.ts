import "server-only";
import { z } from "zod";
import type { Envelope } from "../../dashboard/envelope";
import type { PlatformSeries, SeriesPoint } from "../../dashboard/models";
import { MINUTE_BUCKET_MAX_MINUTES, type PulseRangeQuery, type Segment } from "../../dashboard/schemas";
import { rangePriority } from "../adhoc-gate";
import { type CachedQueryOptions, cachedQuery, firstWatermark } from "../data";
import { fromPlatformLog } from "../live/platform-minutes";
import { rtRangeParams } from "./rt-range-params";
import { withRtWatermark } from "./rt-watermark";

/**
 * sql/queries/pulse_platform_series.sql (per minute, up to a day) and pulse_platform_series_long.sql
 * (per hour of the zone, beyond a day: from the quarter-hour rollup), rows of the same shape: a dense
 * grid of buckets; completion is NULL without plays.
 */
const Row = z.object({
  bucket_ms: z.number(),
  minutes: z.number(),
  impressions: z.number(),
  play_start: z.number(),
  play_finish: z.number(),
  likes: z.number(),
  shares: z.number(),
  completion_rate: z.number().nullable(),
  watermark_ms: z.number(),
});

const pointOf = (r: z.output<typeof Row>): SeriesPoint => ({
  t: r.bucket_ms,
  minutes: r.minutes,
  impressions: r.impressions,
  plays: r.play_start,
  finishes: r.play_finish,
  likes: r.likes,
  shares: r.shares,
  completionRate: r.completion_rate,
});

export async function getPulseSeries(q: PulseRangeQuery, opts: CachedQueryOptions = {}): Promise<Envelope<PlatformSeries>> {
  const bucket: PlatformSeries["bucket"] = q.range.minutes <= MINUTE_BUCKET_MAX_MINUTES ? "minute" : "hour";
  if (q.segment) return segmentSeries(q, q.segment, opts);
  // Minute buckets of the last 48 h come from the live minute log: no statement per refresh.
  const live = bucket === "minute" ? await fromPlatformLog(q.range, 0, (log, lo, hi): PlatformSeries => ({ bucket, points: log.points(lo, hi) })) : undefined;
  if (live) return withRtWatermark(live);
  const range = rtRangeParams(q.range);
  return cachedQuery(
    {
      // Beyond a day, whole quarter-hours come from the rollup instead of up to 10,080 minutes of the log.
      ...(bucket === "minute"
        ? { name: "pulse_platform_series", params: { ...range, bucket, tz: q.tz } }
        : { name: "pulse_platform_series_long", params: { ...range, tz: q.tz } }),
      freshness: "rt",
      // One person's range: it waits behind the preset views everyone watches (admission.ts).
      priority: rangePriority(q.range),
      row: Row,
      map: (rows): PlatformSeries => ({ bucket, points: rows.map(pointOf) }),
      watermark: firstWatermark,
    },
    opts,
  ).then(withRtWatermark);
}

/** The cross-filter's chart (pulse_segment_series.sql): one category and/or creator, per minute, at most a day (the schema checks). */
function segmentSeries(q: PulseRangeQuery, segment: Segment, opts: CachedQueryOptions): Promise<Envelope<PlatformSeries>> {
  return cachedQuery(
    {
      name: "pulse_segment_series",
      params: { ...rtRangeParams(q.range), category: segment.category, creator: segment.creator },
      freshness: "rt",
      priority: rangePriority(q.range),
      row: Row,
      map: (rows): PlatformSeries => ({ bucket: "minute", points: rows.map(pointOf) }),
      watermark: firstWatermark,
    },
    opts,
  ).then(withRtWatermark);
}
