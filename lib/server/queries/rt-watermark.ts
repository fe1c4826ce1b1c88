import "server-only";
import type { Envelope } from "../../dashboard/envelope";
import { cachedQuery, firstWatermark, numOrNull } from "../data";

export interface RtWatermark {
  readonly watermark: number | null;
  readonly now: number | null;
}

export function getRtWatermark(): Promise<Envelope<RtWatermark>> {
  return cachedQuery({
    name: "rt_watermark",
    params: {},
    freshness: "rt",
    map: (rows) => ({ watermark: numOrNull(rows[0]?.watermark_ms), now: numOrNull(rows[0]?.now_ms) }),
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
