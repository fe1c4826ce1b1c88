import assert from "node:assert/strict";
import { test } from "node:test";
import { polylinePoints } from "./chart-preview";

test("a line spans the box: first point at x 0, last at x 1000, y from the axis maximum down", () => {
  // h = 100, max = 40: value 40 is at the top (y 0), 0 at the bottom (y 100), 10 at y 75.
  assert.deepEqual(polylinePoints([0, 10, 40], 40, 100), ["0.0,100.0 500.0,75.0 1000.0,0.0"]);
});

test("null points break the line into segments; an empty or all-null series draws nothing", () => {
  assert.deepEqual(polylinePoints([10, null, 20, 20], 20, 10), ["0.0,5.0", "666.7,0.0 1000.0,0.0"]);
  assert.deepEqual(polylinePoints([], 1, 10), []);
  assert.deepEqual(polylinePoints([null, null], 1, 10), []);
});

test("a single point is centred; a zero maximum keeps every point on the bottom line", () => {
  assert.deepEqual(polylinePoints([5], 5, 10), ["500.0,0.0"]);
  assert.deepEqual(polylinePoints([0, 0], 0, 10), ["0.0,10.0 1000.0,10.0"]);
});

test("1,440 minutes are thinned to at most 480 points, each the largest of its bucket, so a one-minute peak survives", () => {
  const values = Array.from({ length: 1440 }, (_, i) => (i === 1001 ? 100 : 1));
  const [line] = polylinePoints(values, 100, 50);
  const points = line!.split(" ");
  assert.equal(points.length, 480);
  // Buckets of 3 minutes: the peak at minute 1001 is in the bucket starting at 999, drawn at x = 999/1439 * 1000.
  assert.ok(points.includes(`${((999 / 1439) * 1000).toFixed(1)},0.0`));
  assert.equal(points.filter((p) => p.endsWith(",0.0")).length, 1);
});
