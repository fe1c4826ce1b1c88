import "server-only";
/**
 * Keeps the dashboard's result cache on disk (cache-snapshot-file.ts), so a dashboard server
 * restarted after a crash answers from the last good results at once instead of answering 503
 * while its cache is empty. Started by instrumentation.ts when PULSE_DASHBOARD_CACHE_FILE is set
 * (`npm start` sets it to .lakehouse/<instance>/dashboard-cache.json).
 */
import { RestoredResultNotice, readSnapshot, writeSnapshot } from "./cache-snapshot-file";
import { resultCache, type Stored } from "./data";

/** Older results are not worth a first answer: the page would say "stale, a day old". */
const MAX_AGE_MS = 24 * 3_600_000;
/** The views people watch: a few dozen statements; the rest refetch on first use. */
const MAX_ENTRIES = 100;
const MAX_BYTES = 32 * 1_048_576;
/** Written only when something was fetched since: about once a minute with the live watcher (one commit a minute). */
const SAVE_EVERY_MS = 15_000;

export function keepResultCacheOnDisk(file: string): void {
  const cache = resultCache();
  const restored = readSnapshot<Stored>(file, MAX_AGE_MS);
  // Oldest first, so the newest end up the most recently used. Without their data version: batch ids
  // start again after a lakehouse is wiped, so an old "b57" must never pass for the current b57;
  // a restored result is the stale answer until this process has read its own.
  const reason = new RestoredResultNotice();
  for (const e of [...restored].reverse()) cache.seed(e.key, { ...e.value, version: undefined }, e.fetchedAt, reason);
  if (restored.length > 0) console.log(`[dashboard] restored ${restored.length} cached results from ${file}`);
  let seen = cache.fetches;
  let warned = false;
  const timer = setInterval(() => {
    if (cache.fetches === seen) return;
    seen = cache.fetches;
    try {
      writeSnapshot(file, cache.snapshot(MAX_ENTRIES), MAX_BYTES);
    } catch (err) {
      // A full disk must not take the dashboard down; say so once.
      if (!warned) console.error(`[dashboard] could not save the result cache to ${file}: ${(err as Error).message}`);
      warned = true;
    }
  }, SAVE_EVERY_MS);
  timer.unref();
}
