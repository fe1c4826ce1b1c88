import "server-only";
import type { Envelope } from "../../dashboard/envelope";
import { cachedQuery } from "../data";
import { liveWatcher } from "../live/versions";
import { watermarkToBind } from "../live/watermark-to-bind";
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
 * The RT state as the dashboard knows it: the live watcher's last read when it is healthy (no query
 * at all), otherwise rt_watermark.sql through the cache, one Trino query per cache period.
 */
export async function knownRtState(): Promise<RtWatermark> {
  const watcher = liveWatcher();
  return watcher.healthy && watcher.state ? watcher.state.rt : (await getRtWatermark()).data;
}

/** The RT watermark a statement binds as :complete_through (watermark-to-bind.ts). */
export function boundRtWatermark(): Promise<Date | null> {
  return watermarkToBind(liveWatcher(), async () => (await getRtWatermark()).data.watermark);
}

/**
 * Every real-time panel goes through this: it says "loading history" until the first micro-batch
 * has committed (rtPanelMeta), and a panel whose own rows were empty borrows the RT watermark.
 * The watermark comes from the live watcher's state; without a healthy watcher the watermark query is
 * cached like the panels, costing one Trino query per period.
 */
export async function withRtWatermark<T>(result: Envelope<T>): Promise<Envelope<T>> {
  try {
    return { ...result, meta: rtPanelMeta(result.meta, await knownRtState()) };
  } catch {
    return result;
  }
}
