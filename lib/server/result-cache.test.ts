import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { deferred } from "../../tools/testing/deferred";
import { type CacheOptions, ResultCache } from "./result-cache";

/** The cache under test, with one period for every get that names none (production names it on each call). */
class TestCache extends ResultCache<string> {
  constructor(
    private readonly ttlMs: number,
    opts: CacheOptions,
  ) {
    super(opts);
  }

  override get(key: string, fetch: () => Promise<string>, ttlMs = this.ttlMs) {
    return super.get(key, fetch, ttlMs);
  }
}

/** A cache on a hand-driven clock, plus a fetch counter per test. */
function setup(opts: { ttlMs?: number; retryAfterMs?: number; maxEntries?: number } = {}) {
  const clock = { t: 0 };
  const cache = new TestCache(opts.ttlMs ?? 1000, {
    retryAfterMs: opts.retryAfterMs ?? 500,
    maxEntries: opts.maxEntries ?? 10,
    now: () => clock.t,
  });
  return { clock, cache };
}

/** A fetch that counts its calls and resolves with the given value. */
function counting(value: string) {
  const fn = async () => {
    fn.calls += 1;
    return value;
  };
  fn.calls = 0;
  return fn;
}

describe("ResultCache", () => {
  test("single-flight: 10 concurrent gets share one fetch and one value", async () => {
    const { clock, cache } = setup();
    clock.t = 1000;
    const d = deferred<string>();
    let calls = 0;
    const fetch = () => {
      calls += 1;
      return d.promise;
    };
    const pending = Array.from({ length: 10 }, () => cache.get("k", fetch));
    await Promise.resolve(); // the fetch starts on the next microtask
    assert.equal(calls, 1);
    assert.equal(cache.fetches, 1);
    clock.t = 1005; // fetchedAt is taken when the fetch completes
    d.resolve("rows");
    const results = await Promise.all(pending);
    assert.equal(results.length, 10);
    for (const r of results) assert.deepEqual(r, { value: "rows", fetchedAt: 1005, stale: false });
    // All callers got literally the same result object.
    assert.ok(results.every((r) => r === results[0]));
    assert.equal(calls, 1);
    assert.equal(cache.fetches, 1);
    assert.equal(cache.size, 1);
  });

  test("a cached value is served without fetching until the TTL passes, then exactly one new fetch", async () => {
    const { clock, cache } = setup({ ttlMs: 1000 });
    const first = counting("v1");
    assert.deepEqual(await cache.get("k", first), { value: "v1", fetchedAt: 0, stale: false });

    const second = counting("v2");
    clock.t = 999;
    assert.deepEqual(await cache.get("k", second), { value: "v1", fetchedAt: 0, stale: false });
    assert.equal(second.calls, 0);
    assert.equal(cache.fetches, 1);

    clock.t = 1000; // now - fetchedAt == ttl: expired
    const [a, b, c] = await Promise.all([cache.get("k", second), cache.get("k", second), cache.get("k", second)]);
    assert.equal(second.calls, 1);
    assert.equal(cache.fetches, 2);
    for (const r of [a, b, c]) assert.deepEqual(r, { value: "v2", fetchedAt: 1000, stale: false });

    clock.t = 1999;
    assert.deepEqual(await cache.get("k", second), { value: "v2", fetchedAt: 1000, stale: false });
    assert.equal(second.calls, 1);
    assert.equal(cache.fetches, 2);
  });

  test("each call's ttl decides whether the value is still fresh", async () => {
    const { clock, cache } = setup({ ttlMs: 60_000 });
    await cache.get("k", counting("v1"));
    clock.t = 100;
    const again = counting("v2");
    assert.deepEqual(await cache.get("k", again, 101), { value: "v1", fetchedAt: 0, stale: false });
    assert.equal(again.calls, 0);
    assert.deepEqual(await cache.get("k", again, 100), { value: "v2", fetchedAt: 100, stale: false });
    assert.equal(again.calls, 1);
    assert.equal(cache.fetches, 2);
  });

  test("a failure with an earlier value serves it stale with the error; no retry within retryAfterMs; retry after; recovery clears stale", async () => {
    const { clock, cache } = setup({ ttlMs: 1000, retryAfterMs: 500 });
    await cache.get("k", counting("good"));
    assert.equal(cache.fetches, 1);

    const boom = new Error("Trino is down");
    let failing = 0;
    const fail = async (): Promise<string> => {
      failing += 1;
      throw boom;
    };

    clock.t = 1000;
    const [s1, s2] = await Promise.all([cache.get("k", fail), cache.get("k", fail)]);
    assert.equal(failing, 1);
    assert.equal(cache.fetches, 2);
    for (const s of [s1, s2]) assert.deepEqual(s, { value: "good", fetchedAt: 0, stale: true, error: boom });
    assert.equal(s1.error, boom);

    // Within the retry window: the stale value again, no fetch at all.
    const recover = counting("fresh");
    for (const t of [1001, 1250, 1499]) {
      clock.t = t;
      const s = await cache.get("k", recover);
      assert.deepEqual(s, { value: "good", fetchedAt: 0, stale: true, error: boom });
    }
    assert.equal(recover.calls, 0);
    assert.equal(cache.fetches, 2);

    // Once retryAfterMs has passed the next call fetches again; success clears stale and error.
    clock.t = 1500;
    const ok = await cache.get("k", recover);
    assert.deepEqual(ok, { value: "fresh", fetchedAt: 1500, stale: false });
    assert.equal("error" in ok, false);
    assert.equal(recover.calls, 1);
    assert.equal(cache.fetches, 3);

    clock.t = 2000;
    assert.deepEqual(await cache.get("k", recover), { value: "fresh", fetchedAt: 1500, stale: false });
    assert.equal(cache.fetches, 3);
  });

  test("a failure after the retry window that fails again restarts the window", async () => {
    const { clock, cache } = setup({ ttlMs: 1000, retryAfterMs: 500 });
    await cache.get("k", counting("good"));
    const e1 = new Error("first");
    const e2 = new Error("second");
    clock.t = 1000;
    assert.deepEqual(await cache.get("k", () => Promise.reject(e1)), { value: "good", fetchedAt: 0, stale: true, error: e1 });
    clock.t = 1500;
    assert.deepEqual(await cache.get("k", () => Promise.reject(e2)), { value: "good", fetchedAt: 0, stale: true, error: e2 });
    assert.equal(cache.fetches, 3);
    clock.t = 1999; // 499 ms after the second failure: still in its window
    const never = counting("x");
    assert.deepEqual(await cache.get("k", never), { value: "good", fetchedAt: 0, stale: true, error: e2 });
    assert.equal(never.calls, 0);
    assert.equal(cache.fetches, 3);
  });

  test("a failure without a value rejects, also within the retry window, and retries afterwards", async () => {
    const { clock, cache } = setup({ ttlMs: 1000, retryAfterMs: 500 });
    const boom = new Error("no Trino");
    clock.t = 10;
    const d = deferred<string>();
    const a = cache.get("k", () => d.promise);
    const b = cache.get("k", () => d.promise);
    d.reject(boom);
    await assert.rejects(a, (e) => e === boom);
    await assert.rejects(b, (e) => e === boom);
    assert.equal(cache.fetches, 1);

    const later = counting("v");
    clock.t = 509;
    await assert.rejects(cache.get("k", later), (e) => e === boom);
    assert.equal(later.calls, 0);
    assert.equal(cache.fetches, 1);

    clock.t = 510;
    assert.deepEqual(await cache.get("k", later), { value: "v", fetchedAt: 510, stale: false });
    assert.equal(later.calls, 1);
    assert.equal(cache.fetches, 2);
  });

  test("keys are independent", async () => {
    const { cache } = setup();
    const boom = new Error("down");
    await assert.rejects(
      cache.get("bad", () => Promise.reject(boom)),
      (e) => e === boom,
    );
    assert.deepEqual(await cache.get("good", counting("g")), { value: "g", fetchedAt: 0, stale: false });
    assert.equal(cache.fetches, 2);
    assert.equal(cache.size, 2);
  });

  test("LRU bound: the least recently used key is evicted", async () => {
    const { cache } = setup({ maxEntries: 2, ttlMs: 60_000 });
    const fa = counting("A");
    const fb = counting("B");
    const fc = counting("C");
    await cache.get("a", fa);
    await cache.get("b", fb);
    assert.equal(cache.size, 2);
    // Reading a (a cache hit) makes it the most recently used; b is now the oldest.
    assert.deepEqual(await cache.get("a", fa), { value: "A", fetchedAt: 0, stale: false });
    assert.equal(fa.calls, 1);
    await cache.get("c", fc);
    assert.equal(cache.size, 2);
    assert.equal(cache.fetches, 3);

    // a and c are cached; b was evicted and must be fetched again.
    await cache.get("a", fa);
    await cache.get("c", fc);
    assert.equal(fa.calls, 1);
    assert.equal(fc.calls, 1);
    assert.equal(cache.fetches, 3);
    await cache.get("b", fb);
    assert.equal(fb.calls, 2);
    assert.equal(cache.fetches, 4);
    assert.equal(cache.size, 2);
    // Order was a, c -> c, a (read) -> a, c (read) -> a evicted by b.
    await cache.get("c", fc);
    assert.equal(fc.calls, 1);
    await cache.get("a", fa);
    assert.equal(fa.calls, 2);
    assert.equal(cache.fetches, 5);
  });

  test("maxEntries 1 keeps only the latest key", async () => {
    const { cache } = setup({ maxEntries: 1 });
    const fx = counting("x");
    const fy = counting("y");
    await cache.get("x", fx);
    await cache.get("y", fy);
    assert.equal(cache.size, 1);
    await cache.get("y", fy);
    assert.equal(fy.calls, 1);
    await cache.get("x", fx);
    assert.equal(fx.calls, 2);
    assert.equal(cache.fetches, 3);
  });

  test("fetches counts real fetches only: not hits, joins or retry-window answers", async () => {
    const { clock, cache } = setup({ ttlMs: 100, retryAfterMs: 50 });
    assert.equal(cache.fetches, 0);
    assert.equal(cache.size, 0);
    const d = deferred<string>();
    const p = [cache.get("k", () => d.promise), cache.get("k", () => d.promise)];
    assert.equal(cache.fetches, 1);
    d.resolve("v");
    await Promise.all(p);
    await cache.get("k", counting("unused"));
    assert.equal(cache.fetches, 1);
    clock.t = 100;
    await cache.get("k", () => Promise.reject(new Error("x")));
    assert.equal(cache.fetches, 2);
    clock.t = 149;
    await cache.get("k", counting("unused"));
    assert.equal(cache.fetches, 2);
    clock.t = 150;
    await cache.get("k", counting("w"));
    assert.equal(cache.fetches, 3);
  });
});

test("a fetch that throws synchronously does not block its key", async () => {
  let t = 0;
  const cache = new TestCache(1000, { retryAfterMs: 100, maxEntries: 10, now: () => t });
  await assert.rejects(
    cache.get("k", () => {
      throw new Error("sync boom");
    }),
    /sync boom/,
  );
  t = 200; // past retryAfterMs
  const got = await cache.get("k", async () => "fine");
  assert.deepEqual(got, { value: "fine", fetchedAt: 200, stale: false });
});

describe("stale-while-revalidate", () => {
  const swr = () => {
    const clock = { t: 0 };
    const cache = new TestCache(1000, { retryAfterMs: 500, maxEntries: 10, revalidateMs: 5000, now: () => clock.t });
    return { clock, cache };
  };

  test("within the window an expired value is answered at once and refreshed once in the background", async () => {
    const { clock, cache } = swr();
    await cache.get("k", async () => "v1");
    clock.t = 1500;
    const d = deferred<string>();
    let calls = 0;
    const slow = () => {
      calls += 1;
      return d.promise;
    };
    assert.deepEqual(await cache.get("k", slow), { value: "v1", fetchedAt: 0, stale: false });
    assert.deepEqual(await cache.get("k", slow), { value: "v1", fetchedAt: 0, stale: false });
    assert.equal(calls, 1);
    clock.t = 1600;
    d.resolve("v2");
    await d.promise;
    await Promise.resolve();
    assert.deepEqual(await cache.get("k", slow), { value: "v2", fetchedAt: 1600, stale: false });
    assert.equal(cache.fetches, 2);
  });

  test("a failed background refresh turns the next answer stale; past the window callers wait", async () => {
    const { clock, cache } = swr();
    await cache.get("k", async () => "v1");
    clock.t = 2000;
    const boom = new Error("trino down");
    assert.equal((await cache.get("k", async () => Promise.reject(boom))).stale, false);
    await new Promise((r) => setImmediate(r));
    const next = await cache.get("k", async () => "never");
    assert.deepEqual({ value: next.value, stale: next.stale, error: next.error }, { value: "v1", stale: true, error: boom });
    clock.t = 7000; // past ttl + revalidateMs: the caller waits for the fetch
    assert.deepEqual(await cache.get("k", async () => "v3"), { value: "v3", fetchedAt: 7000, stale: false });
  });
});

describe("freshness by data version (the live watcher)", () => {
  /** A result computed at a data version, as lib/server/data.ts stores it. */
  interface Versioned {
    readonly rows: string;
    readonly version: string;
  }

  /** A plain cache (no revalidate window), one TTL of 1 s that the version rule must override. */
  const versioned = () => {
    const clock = { t: 0 };
    const cache = new ResultCache<Versioned>({ retryAfterMs: 500, maxEntries: 10, now: () => clock.t });
    const at = { version: "b7" };
    const isCurrent = (v: Versioned) => v.version === at.version;
    /** A fetch at the version current when it is called, held until the test resolves it. */
    const gated = (rows: string) => {
      const d = deferred<Versioned>();
      const version = at.version;
      const fn = () => {
        fn.calls += 1;
        return d.promise;
      };
      fn.calls = 0;
      fn.resolve = () => d.resolve({ rows, version });
      fn.reject = (e: unknown) => d.reject(e);
      return fn;
    };
    const ready = (rows: string) => {
      const fn = gated(rows);
      fn.resolve();
      return fn;
    };
    return { clock, cache, at, isCurrent, gated, ready };
  };

  test("a value at the current version is fresh however old; a new version makes it stale at once", async () => {
    const { clock, cache, at, isCurrent, ready } = versioned();
    const first = ready("r7");
    assert.deepEqual(await cache.get("k", first, 1000, { isCurrent }), { value: { rows: "r7", version: "b7" }, fetchedAt: 0, stale: false });
    clock.t = 3_600_000; // an hour: 3600 TTLs
    const unused = ready("unused");
    assert.deepEqual(await cache.get("k", unused, 1000, { isCurrent }), { value: { rows: "r7", version: "b7" }, fetchedAt: 0, stale: false });
    assert.equal(unused.calls, 0);
    assert.equal(cache.fetches, 1);
    // One millisecond after it was fetched, but batch 8 committed: it is fetched again.
    clock.t = 1;
    at.version = "b8";
    const second = ready("r8");
    assert.deepEqual(await cache.get("k", second, 1000, { isCurrent, waitForCurrent: true }), {
      value: { rows: "r8", version: "b8" },
      fetchedAt: 1,
      stale: false,
    });
    assert.equal(cache.fetches, 2);
  });

  test("without waitForCurrent, a new version answers the old value at once while one fetch runs", async () => {
    const { clock, cache, at, isCurrent, gated, ready } = versioned();
    await cache.get("k", ready("r7"), 1000, { isCurrent });
    clock.t = 100;
    at.version = "b8";
    const next = gated("r8");
    const old = { value: { rows: "r7", version: "b7" }, fetchedAt: 0, stale: false };
    assert.deepEqual(await cache.get("k", next, 1000, { isCurrent }), old);
    assert.deepEqual(await cache.get("k", next, 1000, { isCurrent }), old);
    assert.equal(next.calls, 1);
    clock.t = 150;
    next.resolve();
    await new Promise((r) => setImmediate(r));
    assert.deepEqual(await cache.get("k", ready("unused"), 1000, { isCurrent }), { value: { rows: "r8", version: "b8" }, fetchedAt: 150, stale: false });
    assert.equal(cache.fetches, 2);
  });

  test("with waitForCurrent, a new version waits for the one fetch of the new value", async () => {
    const { clock, cache, at, isCurrent, gated, ready } = versioned();
    await cache.get("k", ready("r7"), 1000, { isCurrent });
    clock.t = 100;
    at.version = "b8";
    const next = gated("r8");
    const waiting = [cache.get("k", next, 1000, { isCurrent, waitForCurrent: true }), cache.get("k", next, 1000, { isCurrent, waitForCurrent: true })];
    // A caller that does not need the current value is still answered the old one meanwhile.
    assert.deepEqual(await cache.get("k", next, 1000, { isCurrent }), { value: { rows: "r7", version: "b7" }, fetchedAt: 0, stale: false });
    clock.t = 180;
    next.resolve();
    for (const r of await Promise.all(waiting)) assert.deepEqual(r, { value: { rows: "r8", version: "b8" }, fetchedAt: 180, stale: false });
    assert.equal(next.calls, 1);
    assert.equal(cache.fetches, 2);
  });

  test("a failed fetch of the new version keeps the old value as the stale fallback", async () => {
    const { clock, cache, at, isCurrent, gated, ready } = versioned();
    await cache.get("k", ready("r7"), 1000, { isCurrent });
    clock.t = 100;
    at.version = "b8";
    const boom = new Error("Trino is down");
    const failing = gated("never");
    const waiting = cache.get("k", failing, 1000, { isCurrent, waitForCurrent: true });
    failing.reject(boom);
    const stale = { value: { rows: "r7", version: "b7" }, fetchedAt: 0, stale: true, error: boom };
    assert.deepEqual(await waiting, stale);
    // Within retryAfterMs: the fallback again, no fetch, whether or not the caller waits.
    clock.t = 599;
    const unused = ready("unused");
    assert.deepEqual(await cache.get("k", unused, 1000, { isCurrent, waitForCurrent: true }), stale);
    assert.deepEqual(await cache.get("k", unused, 1000, { isCurrent }), stale);
    assert.equal(unused.calls, 0);
    // After it, the next caller fetches again and recovers.
    clock.t = 600;
    assert.deepEqual(await cache.get("k", ready("r8"), 1000, { isCurrent, waitForCurrent: true }), {
      value: { rows: "r8", version: "b8" },
      fetchedAt: 600,
      stale: false,
    });
    assert.equal(cache.fetches, 3);
  });

  test("waitForCurrent that joins a fetch started at an older version waits for the current one", async () => {
    const { clock, cache, at, isCurrent, gated, ready } = versioned();
    await cache.get("k", ready("r7"), 1000, { isCurrent });
    // Batch 8: a poller starts its fetch (at b8) and is answered r7 meanwhile.
    at.version = "b8";
    const at8 = gated("r8");
    await cache.get("k", at8, 1000, { isCurrent });
    // Batch 9 commits while that fetch runs; the live hub needs the b9 value.
    at.version = "b9";
    const at9 = gated("r9");
    const hub = cache.get("k", at9, 1000, { isCurrent, waitForCurrent: true });
    clock.t = 200;
    at8.resolve();
    await new Promise((r) => setImmediate(r));
    assert.equal(at9.calls, 1, "the b9 fetch starts once the b8 one is done");
    clock.t = 300;
    at9.resolve();
    assert.deepEqual(await hub, { value: { rows: "r9", version: "b9" }, fetchedAt: 300, stale: false });
    assert.equal(cache.fetches, 3);
  });
});

describe("snapshot and seed (a restarted server's first answers)", () => {
  test("the snapshot lists the most recently used values, newest first, up to the limit", async () => {
    let t = 1_000;
    const cache = new ResultCache<string>({ retryAfterMs: 0, maxEntries: 10, now: () => t });
    await cache.get("a", async () => "A", 10_000);
    t = 2_000;
    await cache.get("b", async () => "B", 10_000);
    t = 3_000;
    await cache.get("c", async () => "C", 10_000);
    await cache.get("a", async () => "A2", 10_000); // still fresh: A, now the most recently used
    assert.deepEqual(cache.snapshot(2), [
      { key: "a", value: "A", fetchedAt: 1_000 },
      { key: "c", value: "C", fetchedAt: 3_000 },
    ]);
  });

  test("a seeded value is the stale fallback when the first fetch fails, and is replaced when one succeeds", async () => {
    let t = 100_000;
    const cache = new ResultCache<string>({ retryAfterMs: 0, maxEntries: 10, now: () => t });
    cache.seed("k", "from disk", 40_000, new Error("restored"));
    const failed = await cache.get("k", async () => Promise.reject(new Error("Trino is starting")), 5_000);
    assert.deepEqual([failed.value, failed.fetchedAt, failed.stale, (failed.error as Error).message], ["from disk", 40_000, true, "Trino is starting"]);
    t = 101_000;
    const ok = await cache.get("k", async () => "fresh", 5_000);
    assert.deepEqual([ok.value, ok.fetchedAt, ok.stale], ["fresh", 101_000, false]);
    // A seed never overwrites what this process fetched.
    cache.seed("k", "older", 1, new Error("restored"));
    assert.equal((await cache.get("k", async () => "unused", 5_000)).value, "fresh");
  });

  test("a seeded value of an older version is answered at once, marked stale with the reason, while the refresh runs", async () => {
    const cache = new ResultCache<{ v: string }>({ retryAfterMs: 0, maxEntries: 10, now: () => 500_000 });
    cache.seed("k", { v: "41" }, 1_000, new Error("kept from before the restart"));
    const refresh = deferred<{ v: string }>();
    const got = await cache.get("k", () => refresh.promise, 5_000, { isCurrent: (x) => x.v === "42", waitForCurrent: false });
    assert.deepEqual([got.value, got.stale, (got.error as Error).message], [{ v: "41" }, true, "kept from before the restart"]);
    refresh.resolve({ v: "42" });
    await new Promise((r) => setImmediate(r));
    const next = await cache.get("k", () => refresh.promise, 5_000, { isCurrent: (x) => x.v === "42", waitForCurrent: false });
    assert.deepEqual([next.value, next.stale], [{ v: "42" }, false]);
  });
});
