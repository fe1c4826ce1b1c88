import "server-only";
import type { Envelope } from "../../dashboard/envelope";
import type { DailyCoverage } from "../../dashboard/models";
import { cachedQuery, numOrNull, strOrNull } from "../data";

export function getDailyCoverage(): Promise<Envelope<DailyCoverage>> {
  return cachedQuery({
    name: "daily_watermark",
    params: {},
    freshness: "daily",
    map: (rows) => ({
      completeThrough: numOrNull(rows[0]?.complete_through_ms),
      firstDate: strOrNull(rows[0]?.first_date),
      lastDate: strOrNull(rows[0]?.last_date),
    }),
    watermark: (rows) => numOrNull(rows[0]?.complete_through_ms),
  });
}

/** A daily-mart panel's watermark: the end of the newest built day (unknown while coverage fails). */
export async function withDailyWatermark<T>(result: Promise<Envelope<T>>): Promise<Envelope<T>> {
  const [r, coverage] = await Promise.all([result, getDailyCoverage().catch(() => null)]);
  return { ...r, meta: { ...r.meta, watermark: coverage?.data.completeThrough ?? null } };
}
