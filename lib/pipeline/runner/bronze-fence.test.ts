/**
 * The Bronze write fence with writes and clock reads whose ends the test controls, on a mocked clock:
 * the micro-batch's "now" is never read while a write is in flight; "now" is allowed only once the
 * safety time has passed since the fence was made and since the last failed write; a micro-batch
 * that cannot get the fence in time falls back to the margin.
 */
import assert from "node:assert/strict";
import { afterEach, beforeEach, mock, test } from "node:test";
import { deferred } from "../../../tools/testing/deferred";
import { BronzeWriteFence } from "./bronze-fence";
import { Mutex } from "./mutex";

const SAFETY = 20_000;
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

beforeEach(() => mock.timers.enable({ apis: ["setTimeout", "Date"], now: 1_000_000 }));
afterEach(() => mock.timers.reset());

test("within the safety time of the fence's making, the micro-batch reads through now - safety", async () => {
  const fence = new BronzeWriteFence(SAFETY);
  assert.deepEqual(await fence.through(async () => 5_000_000.7, 1_000), { throughMs: 5_000_000 - SAFETY, settled: false });
  mock.timers.tick(SAFETY);
  assert.deepEqual(await fence.through(async () => 5_000_000.7, 1_000), { throughMs: 4_999_999, settled: true });
});

test("the clock is read only after the write in flight has ended", async () => {
  const fence = new BronzeWriteFence(SAFETY);
  mock.timers.tick(SAFETY);
  const events: string[] = [];
  const w = deferred();
  const writing = fence.write(async () => {
    events.push("write start");
    await w.promise;
    events.push("write end");
  });
  const reading = fence.through(async () => {
    events.push("clock read");
    return 7_000_000;
  }, 10_000);
  await settle();
  assert.deepEqual(events, ["write start"]);
  w.resolve();
  await writing;
  assert.deepEqual(await reading, { throughMs: 6_999_999, settled: true });
  assert.deepEqual(events, ["write start", "write end", "clock read"]);
});

test("a write waits for the clock read in progress", async () => {
  const fence = new BronzeWriteFence(SAFETY);
  mock.timers.tick(SAFETY);
  const events: string[] = [];
  const clock = deferred<number>();
  const reading = fence.through(async () => {
    events.push("clock read");
    return clock.promise;
  }, 10_000);
  const writing = fence.write(async () => {
    events.push("write");
  });
  await settle();
  assert.deepEqual(events, ["clock read"]);
  clock.resolve(8_000_000);
  assert.equal((await reading).throughMs, 7_999_999);
  await writing;
  assert.deepEqual(events, ["clock read", "write"]);
});

test("after a failed write, the margin applies again for the safety time", async () => {
  const fence = new BronzeWriteFence(SAFETY);
  mock.timers.tick(SAFETY + 5_000);
  await assert.rejects(
    fence.write(async () => {
      throw new Error("Query exceeded maximum time limit");
    }),
    /maximum time limit/,
  );
  const now = async () => 9_000_000;
  assert.deepEqual(await fence.through(now, 1_000), { throughMs: 9_000_000 - SAFETY, settled: false });
  mock.timers.tick(SAFETY - 1);
  assert.equal((await fence.through(now, 1_000)).settled, false);
  mock.timers.tick(1);
  assert.deepEqual(await fence.through(now, 1_000), { throughMs: 8_999_999, settled: true });
});

test("a micro-batch that cannot get the fence in time reads through now - safety, without waiting for the write", async () => {
  const fence = new BronzeWriteFence(SAFETY);
  mock.timers.tick(SAFETY);
  const w = deferred();
  const writing = fence.write(() => w.promise);
  const reading = fence.through(async () => 9_500_000, 3_000);
  await settle();
  mock.timers.tick(3_000);
  assert.deepEqual(await reading, { throughMs: 9_500_000 - SAFETY, settled: false });
  // The write still holds the fence; the next reader, after it, gets "now" again.
  const next = fence.through(async () => 9_600_000, 3_000);
  w.resolve();
  await writing;
  assert.deepEqual(await next, { throughMs: 9_599_999, settled: true });
});

test("the mutex hands the lock to waiters in order, and a waiter that gave up is skipped", async () => {
  const m = new Mutex();
  const order: string[] = [];
  const first = await m.acquire();
  const b = m.acquire().then((r) => {
    order.push("b");
    return r;
  });
  const quitter = m.acquire(100);
  const c = m.acquire().then((r) => {
    order.push("c");
    return r;
  });
  mock.timers.tick(100);
  assert.equal(await quitter, undefined);
  first();
  (await b)();
  (await c)();
  assert.deepEqual(order, ["b", "c"]);
  // Released twice is released once: the lock is free, not handed to a ghost.
  first();
  const again = await m.acquire(0);
  assert.ok(again);
});

test("a fence made settled (no other writer can be in flight) allows now at once", async () => {
  const fence = new BronzeWriteFence(SAFETY, { unsettledAtStart: false });
  assert.deepEqual(await fence.through(async () => 5_000_000, 1_000), { throughMs: 4_999_999, settled: true });
});
