import assert from "node:assert/strict";
import { test } from "node:test";
import { bucketIndexAt, bucketX, selectedRange } from "./chart-geometry";

const insets = { left: 48, right: 16 };

test("a pointer maps to the nearest bucket, clamped; and back", () => {
  // 1,064 px wide: the plot is 1,000 px for 60 buckets, 1000 / 59 px apart.
  assert.equal(bucketIndexAt(48, 1064, insets, 60), 0);
  assert.equal(bucketIndexAt(1048, 1064, insets, 60), 59);
  assert.equal(bucketIndexAt(48 + 500, 1064, insets, 60), 30); // 29.5 rounds up
  assert.equal(bucketIndexAt(0, 1064, insets, 60), 0);
  assert.equal(bucketIndexAt(5000, 1064, insets, 60), 59);
  assert.equal(bucketIndexAt(300, 1064, insets, 1), 0);
  for (const i of [0, 7, 59]) assert.equal(bucketIndexAt(bucketX(i, 1064, insets, 60), 1064, insets, 60), i);
});

test("a drag either way covers both ends' buckets", () => {
  const T = Date.UTC(2026, 10, 25, 12, 0);
  const times = Array.from({ length: 10 }, (_, i) => T + i * 60_000);
  assert.deepEqual(selectedRange(times, 2, 5, 60_000), { from: T + 2 * 60_000, to: T + 6 * 60_000 });
  assert.deepEqual(selectedRange(times, 5, 2, 60_000), { from: T + 2 * 60_000, to: T + 6 * 60_000 });
});
