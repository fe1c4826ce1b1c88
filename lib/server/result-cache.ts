/**
 * Result cache with single-flight and stale fallback, keyed by the exact bound SQL.
 *
 * - However many viewers ask, one key costs at most one fetch per period (`ttlMs`, given on each
 *   call since it depends on the statement): concurrent callers of a key share the fetch in flight,
 *   later callers get the cached value until it expires.
 * - When a fetch fails and an earlier value exists, that value is served marked stale with the
 *   failure; for `retryAfterMs` no new fetch is tried, so a down Trino is not hammered by pollers.
 *   The first call after that tries again, so recovery needs nothing but Trino coming back.
 * - With `revalidateMs`, an expired value is answered at once while one fetch refreshes it.
 * - Memory is bounded: least recently used keys beyond `maxEntries` are dropped.
 * No `server-only` import here so the logic can be unit-tested; the wiring lives in lib/server/data.
 */

export interface CacheOptions {
  readonly retryAfterMs: number;
  readonly maxEntries: number;
  /** How long after expiry a value is still answered while it refreshes (stale-while-revalidate); 0 = wait. */
  readonly revalidateMs?: number;
  readonly now?: () => number;
}

/**
 * How `get` decides a value is fresh: by age (`ttlMs`) unless `isCurrent` is given, which judges the
 * value itself (the live watcher's data version: a value computed at the current watermark stays
 * fresh however old, and is stale the moment a new commit lands).
 */
export interface Freshness<T> {
  readonly isCurrent?: (value: T) => boolean;
  /** With isCurrent: wait for the refresh instead of answering the older value while it runs. */
  readonly waitForCurrent?: boolean;
}

export interface CachedValue<T> {
  readonly value: T;
  readonly fetchedAt: number;
  readonly stale: boolean;
  readonly error?: unknown;
}

interface Entry<T> {
  value?: T;
  fetchedAt?: number;
  failedAt?: number;
  error?: unknown;
  inFlight?: Promise<CachedValue<T>>;
}

export class ResultCache<T> {
  private readonly entries = new Map<string, Entry<T>>();
  private readonly now: () => number;
  fetches = 0;

  constructor(private readonly opts: CacheOptions) {
    this.now = opts.now ?? Date.now;
  }

  get size(): number {
    return this.entries.size;
  }

  /**
   * The cached value when fresh; otherwise one shared call of `fetch`. Within `revalidateMs` after
   * expiry the old value is answered at once while that call refreshes it in the background, so
   * no viewer waits for Trino just because the period ran out. Throws only when there is no value
   * to fall back on.
   */
  get(key: string, fetch: () => Promise<T>, ttlMs: number, freshness: Freshness<T> = {}): Promise<CachedValue<T>> {
    const entry = this.touch(key);
    const now = this.now();
    const { value, fetchedAt } = entry;
    const has = value !== undefined && fetchedAt !== undefined;
    const fresh = has && (freshness.isCurrent ? freshness.isCurrent(value) : now - fetchedAt < ttlMs);
    if (fresh) return Promise.resolve({ value, fetchedAt, stale: false });
    const recentlyFailed = entry.failedAt !== undefined && now - entry.failedAt < this.opts.retryAfterMs;
    if (recentlyFailed && !entry.inFlight) {
      if (has) return Promise.resolve({ value, fetchedAt, stale: true, error: entry.error });
      return Promise.reject(entry.error);
    }
    let flight = entry.inFlight;
    const joined = flight !== undefined;
    if (!flight) {
      flight = this.run(entry, fetch);
      entry.inFlight = flight;
    }
    // A value of an older data version is answered at once while it refreshes, unless the caller
    // needs the current one (the live hub, which pushes it to every subscriber).
    const revalidating = has && (freshness.isCurrent ? !freshness.waitForCurrent : now - fetchedAt < ttlMs + (this.opts.revalidateMs ?? 0));
    if (has && revalidating) {
      flight.catch(() => undefined); // its failure is recorded on the entry and answered as stale
      return Promise.resolve({ value, fetchedAt, stale: entry.error !== undefined, ...(entry.error !== undefined ? { error: entry.error } : {}) });
    }
    const { isCurrent } = freshness;
    if (joined && isCurrent && freshness.waitForCurrent) {
      // That fetch was started by an earlier caller, maybe at an older data version: its value is
      // answered only if current, otherwise this caller fetches (or joins a newer fetch) again.
      return flight.then((r) => (r.stale || isCurrent(r.value) ? r : this.get(key, fetch, ttlMs, freshness)));
    }
    return flight;
  }

  /**
   * The `limit` most recently used values (newest first), for a snapshot on disk
   * (cache-snapshot.ts): what a restarted server answers with before Trino does.
   */
  snapshot(limit: number): { key: string; value: T; fetchedAt: number }[] {
    const out: { key: string; value: T; fetchedAt: number }[] = [];
    for (const [key, e] of [...this.entries].reverse()) {
      if (out.length >= limit) break;
      if (e.value !== undefined && e.fetchedAt !== undefined) out.push({ key, value: e.value, fetchedAt: e.fetchedAt });
    }
    return out;
  }

  /**
   * A value from an earlier process, kept with its own fetchedAt: fresh only if `isCurrent` says so
   * or its age allows; otherwise answered marked stale with `reason` (while a refresh runs, or when
   * it fails) until a fetch succeeds. Never replaces a value this process has.
   */
  seed(key: string, value: T, fetchedAt: number, reason: unknown): void {
    if (this.entries.get(key)?.value !== undefined) return;
    const entry = this.touch(key);
    entry.value = value;
    entry.fetchedAt = fetchedAt;
    entry.error = reason;
  }

  private async run(entry: Entry<T>, fetch: () => Promise<T>): Promise<CachedValue<T>> {
    this.fetches += 1;
    try {
      // Through a microtask, so even a fetch that throws synchronously settles after get() has
      // recorded the flight, and the finally below always clears it.
      const value = await Promise.resolve().then(fetch);
      const fetchedAt = this.now();
      entry.value = value;
      entry.fetchedAt = fetchedAt;
      entry.failedAt = undefined;
      entry.error = undefined;
      return { value, fetchedAt, stale: false };
    } catch (error) {
      entry.failedAt = this.now();
      entry.error = error;
      if (entry.value !== undefined && entry.fetchedAt !== undefined) {
        return { value: entry.value, fetchedAt: entry.fetchedAt, stale: true, error };
      }
      throw error;
    } finally {
      entry.inFlight = undefined;
    }
  }

  private touch(key: string): Entry<T> {
    let entry = this.entries.get(key);
    if (entry) {
      // Map iteration order is insertion order: re-inserting marks the key as most recently used.
      this.entries.delete(key);
    } else {
      entry = {};
    }
    this.entries.set(key, entry);
    while (this.entries.size > this.opts.maxEntries) {
      const oldest = this.entries.keys().next().value as string;
      if (oldest === key) break;
      this.entries.delete(oldest);
    }
    return entry;
  }
}
