import "server-only";
/**
 * Comparison overlays: a time chart's range one day or one week earlier, its times moved onto the
 * current range's buckets, so each point sits under the point it compares with. Minute buckets come
 * from the past-minutes cache (one statement per hour of a sliding preset); the Pulse chart's hour
 * buckets (ranges over a day) from the same series statement over the shifted range. A shift across
 * a DST change moves the zone's hours by one: hour buckets then compare with the neighbouring hour.
 */
import type { Envelope } from "../../dashboard/envelope";
import type { BaselineMinute, PlatformSeries, SeriesPoint } from "../../dashboard/models";
import { COMPARE_SHIFT_MS, MINUTE_MS } from "../../dashboard/param-values";
import type { PulseBaselineQuery } from "../../dashboard/schemas";
import { pastMinutes } from "../live/past-minutes";
import { getPulseSeries } from "./pulse-series";
import { getVideoSeries } from "./video-series";

const HOUR_MS = 3_600_000;

export async function getPulseSeriesBaseline(q: PulseBaselineQuery): Promise<Envelope<PlatformSeries>> {
  const segment = q.segment ? { segment: q.segment } : {};
  const current = await getPulseSeries({ range: q.range, tz: q.tz, ...segment });
  const { bucket, points } = current.data;
  if (points.length === 0) return current;
  const shift = COMPARE_SHIFT_MS[q.compare];
  const lo = points[0]!.t;
  const hi = points.at(-1)!.t + (bucket === "hour" ? HOUR_MS : MINUTE_MS);
  if (bucket === "minute" && !q.segment) {
    const at = await pastMinutes(null, lo - shift, hi - shift);
    const shifted = points.map((p): SeriesPoint => {
      const c = at(p.t - shift)!;
      return { t: p.t, minutes: 1, ...c, completionRate: c.plays === 0 ? null : c.finishes / c.plays };
    });
    return { ...current, data: { bucket, points: shifted } };
  }
  // Hour buckets, or a filtered chart (no past-minutes cache per segment): the series statement over the shifted range.
  const earlier = await getPulseSeries({
    range: { kind: "custom", startMs: lo - shift, endMs: hi - shift, minutes: (hi - lo) / MINUTE_MS },
    tz: q.tz,
    ...segment,
  });
  return { ...current, data: { bucket, points: earlier.data.points.map((p) => ({ ...p, t: p.t + shift })) } };
}

export async function getVideoSeriesBaseline(
  videoId: string,
  q: { range: "1h" | "6h" | "24h"; compare: "day" | "week" },
): Promise<Envelope<readonly BaselineMinute[]>> {
  const current = await getVideoSeries(videoId, { range: q.range });
  const points = current.data;
  if (points.length === 0) return { ...current, data: [] };
  const shift = COMPARE_SHIFT_MS[q.compare];
  const at = await pastMinutes(videoId, points[0]!.t - shift, points.at(-1)!.t + MINUTE_MS - shift);
  return { ...current, data: points.map((p) => ({ t: p.t, ...at(p.t - shift)! })) };
}
