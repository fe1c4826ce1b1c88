import "server-only";
import { z } from "zod";
import type { Envelope } from "../../dashboard/envelope";
import type { DailyCoverage } from "../../dashboard/models";
import { cachedQuery } from "../data";
import { onlyRow } from "../typed-rows";

/** sql/queries/daily_watermark.sql: one row, all NULL before the mart's first build. */
const Row = z.object({
  complete_through_ms: z.number().nullable(),
  first_date: z.string().nullable(),
  last_date: z.string().nullable(),
});

export function getDailyCoverage(): Promise<Envelope<DailyCoverage>> {
  return cachedQuery({
    name: "daily_watermark",
    params: {},
    freshness: "daily",
    row: Row,
    map: (rows) => {
      const r = onlyRow("daily_watermark", rows);
      return { completeThrough: r.complete_through_ms, firstDate: r.first_date, lastDate: r.last_date };
    },
    watermark: (rows) => rows[0]?.complete_through_ms ?? null,
  });
}

/** A daily-mart panel's watermark: the end of the newest built day (unknown while coverage fails). */
export async function withDailyWatermark<T>(result: Promise<Envelope<T>>): Promise<Envelope<T>> {
  const [r, coverage] = await Promise.all([result, getDailyCoverage().catch(() => null)]);
  return { ...r, meta: { ...r.meta, watermark: coverage?.data.completeThrough ?? null } };
}
