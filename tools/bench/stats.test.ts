import assert from "node:assert/strict";
import { test } from "node:test";
import { maximum, median, percentile, sortedAsc } from "./stats";

test("sortedAsc sorts numerically into a copy", () => {
  const xs = [10, 9, 100, 1];
  assert.deepEqual(sortedAsc(xs), [1, 9, 10, 100]); // not the string order 1, 10, 100, 9
  assert.deepEqual(xs, [10, 9, 100, 1]);
});

test("median: middle of an odd count, mean of the two middles of an even count, NaN for none", () => {
  assert.equal(median([7, 1, 3]), 3);
  assert.equal(median([4, 1, 3, 2]), 2.5); // (2 + 3) / 2
  assert.equal(median([5]), 5);
  assert.ok(Number.isNaN(median([])));
});

test("percentile: nearest rank over 10 samples", () => {
  const xs = [10, 1, 9, 2, 8, 3, 7, 4, 6, 5];
  assert.equal(percentile(xs, 50), 5); // rank ceil(0.5 * 10) = 5
  assert.equal(percentile(xs, 95), 10); // rank ceil(9.5) = 10
  assert.equal(percentile(xs, 90), 9); // rank 9
  assert.equal(percentile(xs, 91), 10); // rank ceil(9.1) = 10
  assert.equal(percentile(xs, 100), 10);
  assert.equal(percentile(xs, 0), 1); // rank clamped to 1
});

test("percentile: small and empty inputs", () => {
  assert.equal(percentile([3, 1, 2], 50), 2); // rank ceil(1.5) = 2
  assert.equal(percentile([3, 1, 2], 95), 3); // rank ceil(2.85) = 3
  assert.equal(percentile([42], 99), 42);
  assert.ok(Number.isNaN(percentile([], 50)));
  assert.throws(() => percentile([1], 101), RangeError);
});

test("maximum: largest value, NaN for none", () => {
  assert.equal(maximum([3, 12.5, -1]), 12.5);
  assert.ok(Number.isNaN(maximum([])));
});
