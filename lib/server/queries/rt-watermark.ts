import "server-only";
import { z } from "zod";
import type { Envelope } from "../../dashboard/envelope";
import { cachedQuery, firstWatermark } from "../data";
import { onlyRow } from "../typed-rows";

export interface RtWatermark {
  readonly watermark: number | null;
}

/** sql/queries/rt_watermark.sql: the view always answers one row. */
const Row = z.object({ watermark_ms: z.number() });

export function getRtWatermark(): Promise<Envelope<RtWatermark>> {
  return cachedQuery({
    name: "rt_watermark",
    params: {},
    freshness: "rt",
    row: Row,
    map: (rows) => ({ watermark: onlyRow("rt_watermark", rows).watermark_ms }),
    watermark: firstWatermark,
  });
}

/** For a panel whose own rows were empty: borrow the watermark from the cheap watermark query. */
export async function withRtWatermark<T>(result: Envelope<T>): Promise<Envelope<T>> {
  if (result.meta.watermark !== null) return result;
  try {
    const w = await getRtWatermark();
    return { ...result, meta: { ...result.meta, watermark: w.data.watermark } };
  } catch {
    return result;
  }
}
