import assert from "node:assert/strict";
import { test } from "node:test";
import { frameLoaded, itemsChanged, LOAD_GRACE_MS, startCycle, tick } from "./playlist-cycle";

const S = 1000;
const A = { url: "/?kiosk=1", dwellSeconds: 20 };
const B = { url: "/daily?kiosk=1", dwellSeconds: 10 };
const C = { url: "/videos/v1?kiosk=1", dwellSeconds: 5 };

test("the first view shows at once and the second loads behind it", () => {
  const s = startCycle([A, B], 0);
  assert.equal(s.index, 0);
  assert.equal(s.active, 0);
  assert.deepEqual(s.frames, [
    { url: A.url, item: 0, loaded: false },
    { url: B.url, item: 1, loaded: false },
  ]);
});

test("two views swap at each one's dwell time, and both frames stay loaded (no reload, no flash)", () => {
  let s = startCycle([A, B], 0);
  s = frameLoaded(frameLoaded(s, 0, A.url), 1, B.url);
  assert.equal(tick(s, [A, B], 19 * S), s, "A's 20 s are not up");
  s = tick(s, [A, B], 20 * S);
  assert.deepEqual([s.index, s.active, s.shownAt], [1, 1, 20 * S]);
  // Frame 0 still holds A, loaded: it is the next view already.
  assert.deepEqual(s.frames[0], { url: A.url, item: 0, loaded: true });
  s = tick(s, [A, B], 29 * S);
  assert.equal(s.index, 1, "B's 10 s are not up");
  s = tick(s, [A, B], 30 * S);
  assert.deepEqual([s.index, s.active, s.shownAt], [0, 0, 30 * S]);
});

test("three views: the frame just hidden loads the view after next", () => {
  let s = startCycle([A, B, C], 0);
  s = frameLoaded(frameLoaded(s, 0, A.url), 1, B.url);
  s = tick(s, [A, B, C], 20 * S);
  assert.equal(s.index, 1);
  assert.deepEqual(s.frames[0], { url: C.url, item: 2, loaded: false });
  s = frameLoaded(s, 0, C.url);
  s = tick(s, [A, B, C], 30 * S);
  assert.deepEqual([s.index, s.active], [2, 0]);
  assert.deepEqual(s.frames[1], { url: A.url, item: 0, loaded: false });
});

test("a next view still loading is waited for, at most LOAD_GRACE_MS past the dwell", () => {
  let s = frameLoaded(startCycle([A, B], 0), 0, A.url);
  s = tick(s, [A, B], 20 * S);
  assert.equal(s.index, 0, "B has not loaded: A stays");
  s = tick(s, [A, B], 20 * S + LOAD_GRACE_MS - 1);
  assert.equal(s.index, 0);
  s = tick(s, [A, B], 20 * S + LOAD_GRACE_MS);
  assert.equal(s.index, 1, "shown anyway after the grace");
});

test("a load event for a URL the frame no longer holds is ignored", () => {
  const s = startCycle([A, B, C], 0);
  assert.equal(frameLoaded(s, 1, C.url), s);
});

test("one view: shown for good, nothing loads behind it", () => {
  const s = frameLoaded(startCycle([A], 0), 0, A.url);
  assert.equal(tick(s, [A], 3600 * S), s);
  assert.equal(s.frames[1].url, null);
});

test("an edit while playing keeps the view on screen at its new place, or starts over without it", () => {
  let s = frameLoaded(frameLoaded(startCycle([A, B], 0), 0, A.url), 1, B.url);
  s = itemsChanged(s, [C, A], 5 * S);
  assert.deepEqual([s.index, s.active, s.shownAt], [1, 0, 0]);
  assert.deepEqual(s.frames[1], { url: C.url, item: 0, loaded: false });
  const fresh = itemsChanged(s, [B, C], 6 * S);
  assert.deepEqual([fresh.index, fresh.active, fresh.shownAt], [0, 0, 6 * S]);
  assert.deepEqual(fresh.frames[0], { url: B.url, item: 0, loaded: false });
});
