import assert from "node:assert/strict";
import { test } from "node:test";
import { baselineZ, denseSparkline, freshness } from "./why-it-ranks";

test("the sparkline is dense, oldest first: a minute k before the watermark sits at index 60 - k", () => {
  const s = denseSparkline([60, 5, 1], [2, 4, 3]);
  assert.equal(s.length, 60);
  assert.deepEqual([s[0], s[55], s[59]], [2, 4, 3]);
  assert.equal(
    s.reduce((a, b) => a + b, 0),
    9,
  );
  // Out-of-window offsets (a clock skew, a bad row) are ignored, not wrapped.
  assert.deepEqual(denseSparkline([0, 61], [5, 5]), new Array(60).fill(0));
});

test("baseline z: the e2e fixture's video a (N = 15) is 41 / (5 sqrt 2) = 5.798 above its earlier hour", () => {
  // Plays: 0 for minutes 60..31 before T, 1 for 30..16, 3 for 15..1 (4 at 5: a late play).
  const ago = Array.from({ length: 30 }, (_, i) => 30 - i);
  const plays = ago.map((a) => (a > 15 ? 1 : a === 5 ? 4 : 3));
  const s = denseSparkline(ago, plays);
  // The 45 minutes before the window: 30 zeros and 15 ones, mean 1/3, sd sqrt(2/9); velocity 46 / 15.
  assert.ok(Math.abs(baselineZ(s, 46 / 15, 15)! - 41 / (5 * Math.SQRT2)) < 1e-12);
  // b: one play a minute in the window only, nothing before: a flat baseline has no z.
  assert.equal(baselineZ(denseSparkline([1, 2, 3], [1, 1, 1]), 1, 15), null);
  assert.equal(baselineZ(new Array(60).fill(1), 1, 59), null, "fewer than two minutes before the window");
});

test("freshness halves every 48 hours since upload", () => {
  assert.equal(freshness(0), 1);
  assert.equal(freshness(48), 0.5);
  assert.ok(Math.abs(freshness(24)! - Math.SQRT1_2) < 1e-12);
  assert.equal(freshness(null), null);
});
