import "server-only";
/**
 * The meta of a panel answered from a live minute log. While Trino's newest answer was a failure
 * (trino-state.ts) the log's numbers are the last good ones: they are marked stale with that
 * failure, as a cached result would be, and the watcher re-reads its state (at most every
 * RECHECK_MS) so that Trino coming back is noticed without anyone asking it anything else.
 */
import type { ResultMeta } from "../../dashboard/envelope";
import { describeFailure } from "../data";
import { trinoFailure } from "../trino-state";
import type { MinuteSnapshot } from "./minute-source";
import { liveWatcher } from "./versions";
import type { LiveState } from "./watcher";

const RECHECK_MS = 2_000;
let lastRecheck = 0;

/** While Trino's newest answer was a failure: that failure, after asking again (at most every RECHECK_MS) whether Trino is back. */
export function trinoFailureRechecked(): unknown {
  const failure = trinoFailure();
  if (failure !== undefined && Date.now() - lastRecheck >= RECHECK_MS) {
    lastRecheck = Date.now();
    liveWatcher()
      .readNow()
      .catch(() => undefined);
  }
  return failure;
}

export function logMeta(snap: MinuteSnapshot, state: LiveState, watermark: number): ResultMeta {
  const failure = trinoFailureRechecked();
  return {
    sql: snap.sql,
    fetchedAt: snap.fetchedAt,
    stale: failure !== undefined,
    ...(failure !== undefined ? { staleReason: describeFailure(failure) } : {}),
    ageSeconds: Math.max(0, Math.round((Date.now() - snap.fetchedAt) / 1000)),
    watermark,
    version: state.rtVersion,
  };
}
