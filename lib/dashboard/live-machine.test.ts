import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  initialLiveState,
  type LiveEvent,
  type LiveState,
  liveLabel,
  liveReducer,
  MAX_FAILURES,
  POLLING_RETRY_MS,
  retryDelayMs,
  wantsStream,
} from "./live-machine";

const run = (...events: LiveEvent["type"][]): LiveState => events.reduce((s, type) => liveReducer(s, { type } as LiveEvent), initialLiveState);

describe("live stream state", () => {
  test("connects at once, is live once the stream opens, and a message keeps it so", () => {
    assert.equal(initialLiveState.mode, "connecting");
    assert.ok(wantsStream(initialLiveState));
    const live = run("open", "data");
    assert.deepEqual(live, { ...initialLiveState, mode: "live" });
    assert.equal(liveLabel(live, 30), "Live");
    assert.equal(liveReducer(live, { type: "data" }), live, "a steady stream keeps the same state object");
  });

  test("an error reconnects after 1 s, then 2 s; an open stream forgets the failures", () => {
    const once = run("open", "error");
    assert.deepEqual([once.mode, once.failures, retryDelayMs(once), wantsStream(once)], ["reconnecting", 1, 1_000, false]);
    const again = run("open", "error", "retry", "error");
    assert.deepEqual([again.mode, again.failures, retryDelayMs(again), again.attempt], ["reconnecting", 2, 2_000, 1]);
    assert.deepEqual(run("error", "retry", "open").failures, 0);
  });

  test(`${MAX_FAILURES} failures in a row fall back to polling, which tries the stream again each minute`, () => {
    const polling = run("error", "retry", "error", "retry", "error");
    assert.deepEqual([polling.mode, polling.failures, retryDelayMs(polling)], ["polling", MAX_FAILURES, POLLING_RETRY_MS]);
    assert.equal(liveLabel(polling, 30), "Polling every 30 s");
    assert.equal(liveLabel(polling, 300), "Polling every 5 min");
    const retried = liveReducer(polling, { type: "retry" });
    assert.deepEqual([retried.mode, retried.attempt], ["connecting", polling.attempt + 1]);
    // One more failure is enough to go back to polling; a success goes live.
    assert.equal(liveReducer(retried, { type: "error" }).mode, "polling");
    assert.equal(liveReducer(retried, { type: "open" }).mode, "live");
  });

  test("pause closes the stream and stops polling; resume reconnects (from the version on screen)", () => {
    const paused = run("open", "pause");
    assert.deepEqual([paused.mode, wantsStream(paused), retryDelayMs(paused), liveLabel(paused, 30)], ["paused", false, null, "Paused"]);
    // Errors and retries of the closed stream change nothing; the tab's visibility neither.
    assert.deepEqual(liveReducer(liveReducer(liveReducer(paused, { type: "error" }), { type: "retry" }), { type: "hide" }), paused);
    const resumed = liveReducer(paused, { type: "resume" });
    assert.deepEqual([resumed.mode, resumed.attempt], ["connecting", paused.attempt + 1]);
  });

  test("a background tab closes the stream; showing it again reconnects, even from polling", () => {
    const hidden = run("open", "hide");
    assert.deepEqual([hidden.mode, wantsStream(hidden), liveLabel(hidden, 30)], ["hidden", false, "Paused while the tab is hidden"]);
    assert.equal(liveReducer(hidden, { type: "show" }).mode, "connecting");
    const fromPolling = run("error", "retry", "error", "retry", "error", "hide", "show");
    assert.equal(fromPolling.mode, "connecting");
  });

  test("a delta that does not fit reopens the stream for a snapshot", () => {
    const live = run("open");
    const resync = liveReducer(live, { type: "resync" });
    assert.deepEqual([resync.mode, resync.attempt], ["connecting", live.attempt + 1]);
    assert.equal(liveReducer(run("pause"), { type: "resync" }).mode, "paused");
  });

  test("without EventSource the page polls for good, also after a pause or a hidden tab", () => {
    const none = run("unsupported");
    assert.deepEqual([none.mode, retryDelayMs(none)], ["polling", null]);
    assert.equal(liveReducer(liveReducer(none, { type: "pause" }), { type: "resume" }).mode, "polling");
    assert.equal(liveReducer(liveReducer(none, { type: "hide" }), { type: "show" }).mode, "polling");
  });

  test("the server's degraded status is shown while live, and cleared by a live status or a lost stream", () => {
    const degraded = liveReducer(run("open"), { type: "status", state: "degraded", reason: "Trino unreachable" });
    assert.equal(degraded.degraded, "Trino unreachable");
    assert.equal(liveLabel(degraded, 30), "Live, Trino unreachable: last good data");
    assert.equal(liveReducer(degraded, { type: "status", state: "live" }).degraded, null);
    assert.equal(liveReducer(degraded, { type: "error" }).degraded, null);
  });
});
