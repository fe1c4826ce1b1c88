import "server-only";
import type { Envelope } from "../../dashboard/envelope";
import type { KpiPeriod, PulseKpis } from "../../dashboard/models";
import type { PulseRangeQuery } from "../../dashboard/schemas";
import { cachedQuery, firstWatermark, num, numOrNull } from "../data";
import { withRtWatermark } from "./rt-watermark";
import { rtRangeParams } from "./rt-range-params";

const period = (r: Record<string, unknown>, p: "" | "prev_"): KpiPeriod => ({
  impressions: num(r[`${p}impressions`]),
  plays: num(r[`${p}play_start`]),
  finishes: num(r[`${p}play_finish`]),
  likes: num(r[`${p}likes`]),
  shares: num(r[`${p}shares`]),
  completionRate: numOrNull(r[`${p}completion_rate`]),
  likesPer1k: numOrNull(r[`${p}likes_per_1k`]),
  sharesPer1k: numOrNull(r[`${p}shares_per_1k`]),
});

export function getPulseKpis(q: PulseRangeQuery): Promise<Envelope<PulseKpis>> {
  return cachedQuery({
    name: "pulse_kpis",
    params: rtRangeParams(q.range),
    freshness: "rt",
    map: (rows) => {
      const r = rows[0] ?? {};
      return { rangeStart: num(r.range_start_ms), rangeEnd: num(r.range_end_ms), current: period(r, ""), previous: period(r, "prev_") };
    },
    watermark: firstWatermark,
  }).then(withRtWatermark);
}
