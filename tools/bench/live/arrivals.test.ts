import assert from "node:assert/strict";
import { test } from "node:test";
import { delaysFrom, firstArrival, spreadFromFirst, summarizeDelays } from "./arrivals";

// Five subscribers; the fourth never received the event.
const arrivals = [10_400, 10_100, 13_000, undefined, 10_250];

test("firstArrival is the earliest receipt, ignoring subscribers that missed it; NaN when nobody got it", () => {
  assert.equal(firstArrival(arrivals), 10_100);
  assert.ok(Number.isNaN(firstArrival([undefined, undefined])));
  assert.ok(Number.isNaN(firstArrival([])));
});

test("spreadFromFirst: each receipt minus the first, in subscriber order", () => {
  assert.deepEqual(spreadFromFirst(arrivals), [300, 0, 2_900, 150]);
});

test("delaysFrom a commit recorded 1,000 ms before the first receipt", () => {
  assert.deepEqual(delaysFrom(arrivals, 9_100), [1_300, 1_000, 3_900, 1_150]);
});

test("summarizeDelays over the spreads: the missing subscriber counts against the share within 2 s", () => {
  const s = summarizeDelays(spreadFromFirst(arrivals), arrivals.length, 2_000);
  // spreads sorted: 0, 150, 300, 2900; within 2 s: 3 of 5 expected = 60 %
  assert.deepEqual(s, { received: 4, expected: 5, withinPct: 60, p50: 150, p95: 2_900, max: 2_900 });
});

test("summarizeDelays: the limit itself is within; 20 delays give nearest-rank p95 = the 19th", () => {
  const delays = Array.from({ length: 20 }, (_, i) => (i + 1) * 100); // 100..2000
  const s = summarizeDelays(delays, 20, 1_900);
  assert.equal(s.withinPct, 95); // 100..1900 = 19 of 20
  assert.equal(s.p50, 1_000); // rank 10
  assert.equal(s.p95, 1_900); // rank ceil(19) = 19
  assert.equal(s.max, 2_000);
});

test("summarizeDelays with nothing received: percentiles n/a, 0 % within; nothing expected: NaN share", () => {
  const none = summarizeDelays([], 3, 2_000);
  assert.equal(none.withinPct, 0);
  assert.ok(Number.isNaN(none.p50) && Number.isNaN(none.max));
  assert.ok(Number.isNaN(summarizeDelays([], 0, 2_000).withinPct));
});
