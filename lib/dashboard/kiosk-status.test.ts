import assert from "node:assert/strict";
import { test } from "node:test";
import { type HealthSample, initialMemory, kioskStatus, onHealth, onUnreachable } from "./kiosk-status";

const T0 = Date.UTC(2026, 10, 26, 12, 0, 0);
const S = 1000;
const MIN = 60 * S;

/** A health answer received at `at` (browser clock) from a server whose clock runs `skew` ms ahead. */
const sample = (at: number, commitAgoMs: number | null, o: { skew?: number; trino?: boolean; through?: number } = {}): HealthSample => {
  const servedAt = at + (o.skew ?? 0);
  return {
    receivedAt: at,
    servedAt,
    trinoReachable: o.trino ?? true,
    rtLastCommit: commitAgoMs === null ? null : servedAt - commitAgoMs,
    rtCompleteThrough: o.through ?? null,
  };
};

test("a commit 40 s ago with a 3-minute threshold: no frame, no headline, the age in seconds", () => {
  const m = onHealth(initialMemory(T0), sample(T0, 40 * S, { through: T0 - 2 * MIN }));
  const s = kioskStatus(m, T0, 3, "UTC");
  assert.deepEqual(s, { amber: false, headline: null, commitAgeSeconds: 40, lastCommitText: "last commit 40 s ago", through: "data through 11:58 UTC" });
});

test("the age keeps counting between answers and turns amber exactly at the threshold", () => {
  const m = onHealth(initialMemory(T0), sample(T0, 40 * S));
  // 40 s + 139 s = 2 min 59 s: not yet.
  assert.equal(kioskStatus(m, T0 + 139 * S, 3, "UTC").amber, false);
  const at = kioskStatus(m, T0 + 140 * S, 3, "UTC");
  assert.equal(at.amber, true);
  assert.equal(at.commitAgeSeconds, 180);
  assert.equal(at.headline, "No new data for 3 min: the pipeline has not committed since");
});

test("a server clock 10 minutes ahead does not make a fresh commit look old", () => {
  const m = onHealth(initialMemory(T0), sample(T0, 30 * S, { skew: 10 * MIN }));
  assert.equal(kioskStatus(m, T0 + 5 * S, 3, "UTC").commitAgeSeconds, 35);
  assert.equal(kioskStatus(m, T0 + 5 * S, 3, "UTC").amber, false);
});

test("a new commit clears the frame; an older answer (a cached health) never moves the age back", () => {
  let m = onHealth(initialMemory(T0), sample(T0, 5 * MIN));
  assert.equal(kioskStatus(m, T0, 3, "UTC").amber, true);
  m = onHealth(m, sample(T0 + 10 * S, 2 * S));
  assert.equal(kioskStatus(m, T0 + 10 * S, 3, "UTC").amber, false);
  assert.equal(kioskStatus(m, T0 + 10 * S, 3, "UTC").commitAgeSeconds, 2);
  // A cached answer reporting the earlier commit: the newer one stays.
  m = onHealth(m, sample(T0 + 20 * S, 5 * MIN + 20 * S));
  assert.equal(kioskStatus(m, T0 + 20 * S, 3, "UTC").commitAgeSeconds, 12);
});

test("an unreachable server: a banner at once, the age of the last commit still counting, amber at the threshold", () => {
  let m = onHealth(initialMemory(T0), sample(T0, 20 * S));
  m = onUnreachable(m, T0 + 10 * S);
  m = onUnreachable(m, T0 + 20 * S); // the first failure's time is kept
  const early = kioskStatus(m, T0 + 40 * S, 3, "UTC");
  assert.equal(early.amber, false);
  assert.equal(early.headline, "Pulse server unreachable for 30 s: reconnecting · last commit 1 min ago");
  const late = kioskStatus(m, T0 + 160 * S, 3, "UTC");
  assert.equal(late.amber, true);
  // 150 s unreachable and 180 s since the commit, both in whole minutes past 90 s.
  assert.equal(late.headline, "Pulse server unreachable for 3 min: reconnecting · last commit 3 min ago");
});

test("Trino down: reported by the server, with its own since", () => {
  let m = onHealth(initialMemory(T0), sample(T0, 10 * S));
  m = onHealth(m, { receivedAt: T0 + 30 * S, servedAt: T0 + 30 * S, trinoReachable: false, rtLastCommit: null, rtCompleteThrough: null });
  const s = kioskStatus(m, T0 + 90 * S, 3, "UTC");
  assert.equal(s.headline, "Trino unreachable for 1 min: reconnecting · last commit 2 min ago");
  assert.equal(s.commitAgeSeconds, 100);
  // It answers again: the banner goes.
  m = onHealth(m, sample(T0 + 95 * S, 2 * S));
  assert.equal(kioskStatus(m, T0 + 95 * S, 3, "UTC").headline, null);
});

test("no commit known and no server since the screen started: amber once the threshold has passed", () => {
  const m = onUnreachable(initialMemory(T0), T0 + 1 * S);
  assert.equal(kioskStatus(m, T0 + 2 * MIN, 3, "UTC").amber, false);
  assert.equal(kioskStatus(m, T0 + 3 * MIN, 3, "UTC").amber, true);
  assert.equal(kioskStatus(m, T0 + 3 * MIN, 3, "UTC").headline, "Pulse server unreachable for 3 min: reconnecting · no commit seen");
});

test("before the first micro-batch (the RT log loading) the screen is not amber while the server answers", () => {
  const m = onHealth(initialMemory(T0), sample(T0, null));
  assert.deepEqual(kioskStatus(m, T0 + 10 * MIN, 3, "UTC"), { amber: false, headline: null, commitAgeSeconds: null, lastCommitText: null, through: null });
});

test("a new micro-batch version from the live watcher counts as a commit at once, before the cached freshness catches up", () => {
  const live = (at: number, commitAgoMs: number, version: string, readAt: number) => ({ ...sample(at, commitAgoMs), liveVersion: version, liveReadAt: readAt });
  // Stale at first: the last commit (as the cached check saw it) was 4 min ago.
  let m = onHealth(initialMemory(T0), live(T0, 4 * MIN, "b41", T0 - 4 * MIN));
  assert.equal(kioskStatus(m, T0, 3, "UTC").amber, true);
  // The next answer: same cached commit time, but the watcher read b42 two seconds ago.
  m = onHealth(m, live(T0 + 10 * S, 4 * MIN + 10 * S, "b42", T0 + 8 * S));
  assert.equal(kioskStatus(m, T0 + 10 * S, 3, "UTC").amber, false);
  assert.equal(kioskStatus(m, T0 + 10 * S, 3, "UTC").commitAgeSeconds, 2);
  // The first version seen is not a commit (it may be hours old), nor is a loading version's change.
  const first = onHealth(initialMemory(T0), live(T0, 4 * MIN, "b41", T0));
  assert.equal(kioskStatus(first, T0, 3, "UTC").commitAgeSeconds, 240);
  const loading = onHealth(onHealth(initialMemory(T0), live(T0, 4 * MIN, "l1-8", T0)), live(T0 + 10 * S, 4 * MIN + 10 * S, "l2-8", T0 + 9 * S));
  assert.equal(kioskStatus(loading, T0 + 10 * S, 3, "UTC").commitAgeSeconds, 250);
});

test("the watermark shown never moves back on a cached answer", () => {
  let m = onHealth(initialMemory(T0), sample(T0, 10 * S, { through: T0 - MIN }));
  m = onHealth(m, sample(T0 + 5 * S, 20 * S, { through: T0 - 2 * MIN }));
  assert.equal(kioskStatus(m, T0 + 5 * S, 3, "UTC").through, "data through 11:59 UTC");
});
