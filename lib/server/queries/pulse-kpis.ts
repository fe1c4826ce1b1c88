import "server-only";
import { z } from "zod";
import type { Envelope } from "../../dashboard/envelope";
import { kpiPeriodOf } from "../../dashboard/minute-log";
import type { KpiPeriod, PulseKpis } from "../../dashboard/models";
import { DAY_MS } from "../../dashboard/param-values";
import type { PulseRangeQuery, Segment } from "../../dashboard/schemas";
import { rangePriority } from "../adhoc-gate";
import { WEEK_MS } from "../alerts/minute-metrics";
import { type CachedQueryOptions, cachedQuery, firstWatermark } from "../data";
import { pastMinutes, sumMinutes } from "../live/past-minutes";
import { fromPlatformLog } from "../live/platform-minutes";
import { onlyRow } from "../typed-rows";
import { rtRangeParams } from "./rt-range-params";
import { withRtWatermark } from "./rt-watermark";

/** sql/queries/pulse_kpis.sql: one row; counters are coalesced to 0, ratios are NULL on a 0 denominator. */
const Row = z.object({
  range_start_ms: z.number(),
  range_end_ms: z.number(),
  impressions: z.number(),
  play_start: z.number(),
  play_finish: z.number(),
  likes: z.number(),
  shares: z.number(),
  completion_rate: z.number().nullable(),
  likes_per_1k: z.number().nullable(),
  shares_per_1k: z.number().nullable(),
  prev_impressions: z.number(),
  prev_play_start: z.number(),
  prev_play_finish: z.number(),
  prev_likes: z.number(),
  prev_shares: z.number(),
  prev_completion_rate: z.number().nullable(),
  prev_likes_per_1k: z.number().nullable(),
  prev_shares_per_1k: z.number().nullable(),
  watermark_ms: z.number(),
});
type Row = z.output<typeof Row>;

/** A period's columns (prefix "" for the range, prev_ a day earlier, week_ a week earlier), as the zod row validated them. */
const period = (row: Row, p: "" | "prev_" | "week_"): KpiPeriod => {
  const r = row as unknown as Record<string, number | null>;
  const n = (k: string) => r[`${p}${k}`] as number;
  return {
    impressions: n("impressions"),
    plays: n("play_start"),
    finishes: n("play_finish"),
    likes: n("likes"),
    shares: n("shares"),
    completionRate: r[`${p}completion_rate`] ?? null,
    likesPer1k: r[`${p}likes_per_1k`] ?? null,
    sharesPer1k: r[`${p}shares_per_1k`] ?? null,
  };
};

export async function getPulseKpis(q: PulseRangeQuery, opts: CachedQueryOptions = {}): Promise<Envelope<PulseKpis>> {
  if (q.segment) return segmentKpis(q, q.segment, opts);
  return withWeekEarlier(await currentAndDayEarlier(q, opts));
}

const SegmentRow = Row.extend({
  week_impressions: z.number(),
  week_play_start: z.number(),
  week_play_finish: z.number(),
  week_likes: z.number(),
  week_shares: z.number(),
  week_completion_rate: z.number().nullable(),
  week_likes_per_1k: z.number().nullable(),
  week_shares_per_1k: z.number().nullable(),
});

/** The cross-filter's tiles (pulse_segment_kpis.sql): one category and/or creator, with the day- and week-earlier periods. */
function segmentKpis(q: PulseRangeQuery, segment: Segment, opts: CachedQueryOptions): Promise<Envelope<PulseKpis>> {
  return cachedQuery(
    {
      name: "pulse_segment_kpis",
      params: { ...rtRangeParams(q.range), category: segment.category, creator: segment.creator },
      freshness: "rt",
      priority: rangePriority(q.range),
      row: SegmentRow,
      map: (rows) => {
        const r = onlyRow("pulse_segment_kpis", rows);
        return {
          rangeStart: r.range_start_ms,
          rangeEnd: r.range_end_ms,
          current: period(r, ""),
          previous: period(r, "prev_"),
          previousWeek: period(r, "week_"),
        };
      },
      watermark: firstWatermark,
    },
    opts,
  ).then(withRtWatermark);
}

/**
 * The same range a week earlier, from the past-minutes cache (one statement per hour of a sliding
 * preset). A failure leaves it null: the tiles still show the day-earlier change.
 */
async function withWeekEarlier(env: Envelope<PulseKpis>): Promise<Envelope<PulseKpis>> {
  const { rangeStart: lo, rangeEnd: hi } = env.data;
  try {
    const at = await pastMinutes(null, lo - WEEK_MS, hi - WEEK_MS);
    return { ...env, data: { ...env.data, previousWeek: kpiPeriodOf(sumMinutes(at, lo - WEEK_MS, hi - WEEK_MS)) } };
  } catch {
    return { ...env, data: { ...env.data, previousWeek: null } };
  }
}

async function currentAndDayEarlier(q: PulseRangeQuery, opts: CachedQueryOptions): Promise<Envelope<PulseKpis>> {
  // Ranges whose previous day is within the live minute log's 48 h: no statement per refresh.
  const live = await fromPlatformLog(q.range, DAY_MS, (log, lo, hi) => log.kpis(lo, hi));
  if (live) return withRtWatermark(live);
  return cachedQuery(
    {
      name: "pulse_kpis",
      params: rtRangeParams(q.range),
      freshness: "rt",
      // One person's range: it waits behind the preset views everyone watches (admission.ts).
      priority: rangePriority(q.range),
      row: Row,
      map: (rows) => {
        const r = onlyRow("pulse_kpis", rows);
        return { rangeStart: r.range_start_ms, rangeEnd: r.range_end_ms, current: period(r, ""), previous: period(r, "prev_") };
      },
      watermark: firstWatermark,
    },
    opts,
  ).then(withRtWatermark);
}
