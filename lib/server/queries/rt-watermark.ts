import "server-only";
import type { Envelope } from "../../dashboard/envelope";
import { cachedQuery } from "../data";
import { liveWatcher } from "../live/versions";
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
 * The watermark comes from the live watcher's state; without a healthy watcher the watermark query is
 * cached like the panels, costing one Trino query per period.
 */
export async function withRtWatermark<T>(result: Envelope<T>): Promise<Envelope<T>> {
  try {
    // The live watcher already holds the state it read at the last commit: no query at all.
    const watcher = liveWatcher();
    const rt = watcher.healthy && watcher.state ? watcher.state.rt : (await getRtWatermark()).data;
    return { ...result, meta: rtPanelMeta(result.meta, rt) };
  } catch {
    return result;
  }
}
