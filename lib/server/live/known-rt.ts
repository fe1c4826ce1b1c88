/**
 * The RT state the dashboard goes by, and the watermark its statements bind (pulse_trending.sql,
 * video_summary.sql): the live watcher's last read while it is healthy, so a bound statement's text,
 * and with it its cache key, moves exactly with the data. No "server-only" import: unit-tested.
 */
export interface WatcherSnapshot<Rt> {
  readonly healthy: boolean;
  readonly state: { readonly rt: Rt } | undefined;
}

/**
 * Without a healthy watcher, `read` (rt_watermark.sql through the cache) decides. When that fails
 * too, Trino is not answering: the watcher's last state, so a bound statement keeps the text of its
 * last good result, which the cache then serves marked stale with the reason, instead of no answer.
 */
export async function knownRt<Rt>(watcher: WatcherSnapshot<Rt>, read: () => Promise<Rt>): Promise<Rt> {
  if (watcher.healthy && watcher.state) return watcher.state.rt;
  try {
    return await read();
  } catch (err) {
    if (watcher.state) return watcher.state.rt;
    throw err;
  }
}
