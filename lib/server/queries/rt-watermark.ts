import "server-only";
import type { Envelope } from "../../dashboard/envelope";
import { cachedQuery } from "../data";
import { rtPanelMeta } from "./rt-panel-meta";
import { type RtWatermark, rtWatermarkOf, rtWatermarkRow } from "./rt-progress-row";

export type { RtWatermark } from "./rt-progress-row";

export function getRtWatermark(): Promise<Envelope<RtWatermark>> {
  return cachedQuery({
    name: "rt_watermark",
    params: {},
    freshness: "rt",
    row: rtWatermarkRow,
    map: rtWatermarkOf,
    watermark: (rows) => rtWatermarkOf(rows).watermark,
  });
}

/**
 * Every real-time panel goes through this: it says "loading history" until the first micro-batch
 * has committed (rtPanelMeta), and a panel whose own rows were empty borrows the RT watermark.
 * The watermark query is cached like the panels, so this costs one Trino query per period.
 */
export async function withRtWatermark<T>(result: Envelope<T>): Promise<Envelope<T>> {
  try {
    const w = await getRtWatermark();
    return { ...result, meta: rtPanelMeta(result.meta, w.data) };
  } catch {
    return result;
  }
}
