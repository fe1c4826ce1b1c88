import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { applyPointsDelta } from "./series-delta";

const pt = (t: number, plays: number) => ({ t, plays });

describe("applyPointsDelta", () => {
  test("the window slides: older points dropped, the new minute appended", () => {
    const before = [pt(1, 10), pt(2, 20), pt(3, 30)];
    assert.deepEqual(applyPointsDelta(before, 2, [pt(4, 40)]), [pt(2, 20), pt(3, 30), pt(4, 40)]);
    assert.deepEqual(before, [pt(1, 10), pt(2, 20), pt(3, 30)], "the input is left as it was");
  });

  test("a late-event correction replaces its bucket in place; new buckets are inserted in order", () => {
    const before = [pt(10, 1), pt(20, 2), pt(40, 4)];
    assert.deepEqual(applyPointsDelta(before, 10, [pt(50, 5), pt(20, 3), pt(30, 7)]), [pt(10, 1), pt(20, 3), pt(30, 7), pt(40, 4), pt(50, 5)]);
  });

  test("an upsert older than the window is not drawn; dropBefore past every point empties the series", () => {
    assert.deepEqual(applyPointsDelta([pt(5, 1), pt(6, 1)], 6, [pt(4, 9)]), [pt(6, 1)]);
    assert.deepEqual(applyPointsDelta([pt(5, 1), pt(6, 1)], 100, []), []);
  });

  test("nothing new: the same points, unchanged", () => {
    assert.deepEqual(applyPointsDelta([pt(1, 1), pt(2, 2)], 0, []), [pt(1, 1), pt(2, 2)]);
    assert.deepEqual(applyPointsDelta([], 0, [pt(2, 2), pt(1, 1)]), [pt(1, 1), pt(2, 2)]);
  });
});
