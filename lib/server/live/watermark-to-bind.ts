/**
 * The RT watermark a dashboard statement binds (pulse_trending.sql, video_summary.sql): the one the
 * live watcher read at the last commit while it is healthy, so the statement's text, and with it its
 * cache key, moves exactly with the data. No "server-only" import: unit-tested.
 */
export interface WatcherSnapshot {
  readonly healthy: boolean;
  readonly state: { readonly rt: { readonly watermark: number | null } } | undefined;
}

const asDate = (ms: number | null): Date | null => (ms === null ? null : new Date(ms));

/**
 * Without a healthy watcher, `read` (rt_watermark.sql through the cache) decides. When that fails
 * too, Trino is not answering: the watcher's last watermark gives the statement the text of its last
 * good result, which the cache then serves marked stale with the reason, instead of no answer.
 * null = no micro-batch has committed (the statement then falls back to the clock).
 */
export async function watermarkToBind(watcher: WatcherSnapshot, read: () => Promise<number | null>): Promise<Date | null> {
  if (watcher.healthy && watcher.state) return asDate(watcher.state.rt.watermark);
  try {
    return asDate(await read());
  } catch (err) {
    if (watcher.state) return asDate(watcher.state.rt.watermark);
    throw err;
  }
}
