import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { SeriesPoint } from "./models";
import { applyPlatformDelta, applyPointsDelta, applySeriesDelta, diffSeries } from "./series-delta";

const p = (t: number, plays: number): SeriesPoint => ({
  t,
  minutes: 1,
  impressions: 10 * plays,
  plays,
  finishes: 0,
  likes: 0,
  shares: 0,
  completionRate: plays === 0 ? null : 0,
});

test("a delta drops the points before dropBefore, replaces points of the same t, adds new ones, and sorts by t", () => {
  const prev = [p(1, 1), p(2, 2), p(3, 3)];
  const next = applySeriesDelta(prev, { dropBefore: 2, upsert: [p(5, 5), p(2, 20), p(4, 4), p(1, 9)] });
  assert.deepEqual(next, [p(2, 20), p(3, 3), p(4, 4), p(5, 5)]);
  assert.deepEqual(prev, [p(1, 1), p(2, 2), p(3, 3)], "the previous array is left as it was");
});

test("a Pulse series keeps its bucket under a delta", () => {
  assert.deepEqual(applyPlatformDelta({ bucket: "minute", points: [p(1, 1)] }, { dropBefore: 0, upsert: [p(2, 2)] }), {
    bucket: "minute",
    points: [p(1, 1), p(2, 2)],
  });
});

test("diffSeries sends only new and changed points, and the delta rebuilds the next series", () => {
  const prev = [p(1, 1), p(2, 2), p(3, 3)];
  const next = [p(2, 2), p(3, 30), p(4, 4)];
  const d = diffSeries(prev, next);
  assert.deepEqual(d, { dropBefore: 2, upsert: [p(3, 30), p(4, 4)] });
  assert.deepEqual(applySeriesDelta(prev, d!), next);
  assert.deepEqual(diffSeries(next, next), { dropBefore: 2, upsert: [] });
});

test("a null ratio that becomes 0 is a change (compared with Object.is, not loosely)", () => {
  const a = { t: 1, completionRate: null as number | null };
  assert.deepEqual(diffSeries([a], [{ t: 1, completionRate: 0 }])?.upsert, [{ t: 1, completionRate: 0 }]);
});

test("diffSeries returns null when a point after next's start would have to disappear; an empty next drops everything", () => {
  assert.equal(diffSeries([p(1, 1), p(2, 2), p(3, 3)], [p(1, 1), p(3, 3)]), null);
  assert.equal(diffSeries([p(1, 1), p(5, 5)], [p(1, 1), p(2, 2)]), null);
  const d = diffSeries([p(1, 1), p(2, 2)], []);
  assert.deepEqual(d, { dropBefore: 3, upsert: [] });
  assert.deepEqual(applySeriesDelta([p(1, 1), p(2, 2)], d!), []);
  assert.deepEqual(diffSeries([], [p(7, 7)]), { dropBefore: 7, upsert: [p(7, 7)] });
});

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
