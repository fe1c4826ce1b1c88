import assert from "node:assert/strict";
import test from "node:test";
import { MAX_EVENTS_PER_SLICE, seedSliceMs } from "./seed-slice";

const HOUR = 3_600_000;

test("the default rate seeds a day per slice", () => {
  assert.equal(seedSliceMs(500_000), 24 * HOUR);
});

test("ten times the default splits the day into 12 slices of 2 h (416,667 events each)", () => {
  // 5,000,000 / 8 = 625,000 > 600,000; / 12 = 416,667 <= 600,000.
  assert.equal(seedSliceMs(5_000_000), 2 * HOUR);
});

test("a slice never holds more than MAX_EVENTS_PER_SLICE on average, and divides the day", () => {
  for (const perDay of [1_000, 600_000, 600_001, 1_300_000, 7_000_000, 50_000_000]) {
    const ms = seedSliceMs(perDay);
    assert.equal((24 * HOUR) % ms, 0);
    assert.ok((perDay * ms) / (24 * HOUR) <= MAX_EVENTS_PER_SLICE, `${perDay}/day`);
  }
});
