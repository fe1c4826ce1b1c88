import "server-only";
import type { Envelope } from "../../dashboard/envelope";
import { cachedQuery } from "../data";
import { knownRt } from "../live/known-rt";
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
 * The RT state as the dashboard knows it (knownRt): the live watcher's last read when it is healthy
 * (no query at all), otherwise rt_watermark.sql through the cache, one Trino query per cache period.
 */
export function knownRtState(): Promise<RtWatermark> {
  return knownRt(liveWatcher(), async () => (await getRtWatermark()).data);
}

/** The RT watermark a statement binds as :complete_through; null before the first commit. */
export async function boundRtWatermark(): Promise<Date | null> {
  const { watermark } = await knownRtState();
  return watermark === null ? null : new Date(watermark);
}

/**
 * Every real-time panel goes through this: it says "loading history" until the first micro-batch
 * has committed (rtPanelMeta), and a panel whose own rows were empty borrows the RT watermark.
 * The state comes from knownRtState: the live watcher's, or without a healthy watcher the watermark query,
 * cached like the panels (one Trino query per period).
 */
export async function withRtWatermark<T>(result: Envelope<T>): Promise<Envelope<T>> {
  try {
    return { ...result, meta: rtPanelMeta(result.meta, await knownRtState()) };
  } catch {
    return result;
  }
}
