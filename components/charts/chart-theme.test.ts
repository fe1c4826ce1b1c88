import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { bucketAt, compactNumber, indexRange, zeroBasedRange } from "./chart-theme";

describe("chart axes", () => {
  test("value ranges start at zero, padded 5 % of the span away from it", () => {
    assert.deepEqual(zeroBasedRange(20, 120), [0, 126]);
    assert.deepEqual(
      zeroBasedRange(-0.2, 0.2).map((v) => +v.toFixed(9)),
      [-0.22, 0.22],
      "span 0.4, pad 0.02",
    );
    assert.deepEqual(zeroBasedRange(-4, -2), [-4.2, 0]);
    assert.deepEqual(zeroBasedRange(0, 0), [0, 1], "all zeros");
    assert.deepEqual(zeroBasedRange(null, null), [0, 1], "no value");
  });

  test("one bucket gets a unit-wide x range; more keep theirs", () => {
    assert.deepEqual(indexRange(1, 0, 0), [-0.5, 0.5]);
    assert.deepEqual(indexRange(60, 0, 59), [0, 59]);
  });

  test("ticks name whole buckets inside the data only", () => {
    assert.equal(bucketAt(3, 10), 3);
    assert.equal(bucketAt(2.5, 10), null);
    assert.equal(bucketAt(10, 10), null);
    assert.equal(bucketAt(-1, 10), null);
  });

  test("tick labels: grouped below ten thousand, then k and M; float noise rounded", () => {
    assert.equal(compactNumber(1234), "1,234");
    assert.equal(compactNumber(12_500), "12.5k");
    assert.equal(compactNumber(1_250_000), "1.3M");
    assert.equal(compactNumber(0.30000000000000004), "0.3");
    assert.equal(compactNumber(-20_000), "-20k");
  });
});
