import "server-only";
import { z } from "zod";
import type { Envelope } from "../../dashboard/envelope";
import { kpiPeriodOf } from "../../dashboard/minute-log";
import type { KpiPeriod, PulseKpis } from "../../dashboard/models";
import { DAY_MS } from "../../dashboard/param-values";
import type { PulseRangeQuery } from "../../dashboard/schemas";
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

const period = (r: Row, p: "" | "prev_"): KpiPeriod => ({
  impressions: r[`${p}impressions` as const],
  plays: r[`${p}play_start` as const],
  finishes: r[`${p}play_finish` as const],
  likes: r[`${p}likes` as const],
  shares: r[`${p}shares` as const],
  completionRate: r[`${p}completion_rate` as const],
  likesPer1k: r[`${p}likes_per_1k` as const],
  sharesPer1k: r[`${p}shares_per_1k` as const],
});

export async function getPulseKpis(q: PulseRangeQuery, opts: CachedQueryOptions = {}): Promise<Envelope<PulseKpis>> {
  return withWeekEarlier(await currentAndDayEarlier(q, opts));
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
      priority: q.range.kind === "custom" ? "adhoc" : "shared",
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
