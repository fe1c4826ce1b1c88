/**
 * A real-time panel's meta given the RT watermark: pure, so the rule is unit-tested on its own.
 * No "server-only" import, for the same reason.
 */
import type { ResultMeta } from "../../dashboard/envelope";
import type { RtWatermark } from "./rt-progress-row";

/**
 * While no micro-batch has committed, a panel's own watermark_ms is the view's clock fallback and
 * its numbers are zeros of minutes nobody processed: it gets no watermark and the loading state.
 * A result fetched before the first commit (still cached, or served stale) is from that time too,
 * even when the watermark query already says "complete". Otherwise the panel keeps its own
 * watermark, or borrows the RT one when its rows were empty.
 */
export function rtPanelMeta(meta: ResultMeta, w: Pick<RtWatermark, "state" | "watermark" | "firstCommit" | "seed">): ResultMeta {
  const fetchedWhileLoading = w.firstCommit !== null && meta.fetchedAt < w.firstCommit;
  if (w.state === "loading" || fetchedWhileLoading) return { ...meta, watermark: null, rtLoading: { seed: w.seed } };
  return meta.watermark !== null ? meta : { ...meta, watermark: w.watermark };
}
