import assert from "node:assert/strict";
import { test } from "node:test";
import { watermarkToBind } from "./watermark-to-bind";

const T = Date.UTC(2026, 10, 26, 12, 0);
const state = (watermark: number | null) => ({ rt: { watermark } });
const neverRead = () => Promise.reject(new Error("must not read"));
const down = () => Promise.reject(new Error("Trino did not answer within 15 s"));

test("a healthy watcher's watermark, without a read", async () => {
  assert.deepEqual(await watermarkToBind({ healthy: true, state: state(T) }, neverRead), new Date(T));
  assert.equal(await watermarkToBind({ healthy: true, state: state(null) }, neverRead), null);
});

test("without a healthy watcher the read decides, even over the watcher's older state", async () => {
  assert.deepEqual(await watermarkToBind({ healthy: false, state: state(T - 60_000) }, async () => T), new Date(T));
  assert.deepEqual(await watermarkToBind({ healthy: true, state: undefined }, async () => T), new Date(T));
  assert.equal(await watermarkToBind({ healthy: false, state: undefined }, async () => null), null);
});

test("when the read fails too, the watcher's last watermark; with none, the read's error", async () => {
  assert.deepEqual(await watermarkToBind({ healthy: false, state: state(T - 60_000) }, down), new Date(T - 60_000));
  await assert.rejects(watermarkToBind({ healthy: false, state: undefined }, down), /did not answer/);
});
