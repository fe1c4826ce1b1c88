import assert from "node:assert/strict";
import { test } from "node:test";
import { knownRt } from "./known-rt";

const T = Date.UTC(2026, 10, 26, 12, 0);
const state = (watermark: number | null) => ({ rt: { watermark } });
const neverRead = () => Promise.reject(new Error("must not read"));
const down = () => Promise.reject(new Error("Trino did not answer within 15 s"));
const read = (watermark: number | null) => async () => ({ watermark });

test("a healthy watcher's state, without a read", async () => {
  assert.deepEqual(await knownRt({ healthy: true, state: state(T) }, neverRead), { watermark: T });
  assert.deepEqual(await knownRt({ healthy: true, state: state(null) }, neverRead), { watermark: null });
});

test("without a healthy watcher the read decides, even over the watcher's older state", async () => {
  assert.deepEqual(await knownRt({ healthy: false, state: state(T - 60_000) }, read(T)), { watermark: T });
  assert.deepEqual(await knownRt({ healthy: true, state: undefined }, read(T)), { watermark: T });
  assert.deepEqual(await knownRt({ healthy: false, state: undefined }, read(null)), { watermark: null });
});

test("when the read fails too, the watcher's last state; with none, the read's error", async () => {
  assert.deepEqual(await knownRt({ healthy: false, state: state(T - 60_000) }, down), { watermark: T - 60_000 });
  await assert.rejects(knownRt({ healthy: false, state: undefined }, down), /did not answer/);
});
