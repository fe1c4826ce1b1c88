import assert from "node:assert/strict";
import test from "node:test";
import { MAX_EVENTS_PER_SLICE, seedSliceMs } from "./seed-slice";

const HOUR = 3_600_000;

test("the default rate seeds a day per slice", () => {
  assert.equal(seedSliceMs(500_000), 24 * HOUR);
});

test("ten times the default splits the day into 4 slices of 6 h (1,250,000 events each)", () => {
  // 5,000,000 / 3 = 1,666,667 > 1,300,000; / 4 = 1,250,000 <= 1,300,000.
  assert.equal(seedSliceMs(5_000_000), 6 * HOUR);
});

test("two and a half times the default seeds half a day per slice", () => {
  // 1,250,000 fits in one slice; 2,000,000 / 2 = 1,000,000 fits in 12 h.
  assert.equal(seedSliceMs(1_250_000), 24 * HOUR);
  assert.equal(seedSliceMs(2_000_000), 12 * HOUR);
});

test("a slice never holds more than MAX_EVENTS_PER_SLICE on average, and divides the day", () => {
  for (const perDay of [1_000, 600_000, 1_300_000, 1_300_001, 7_000_000, 50_000_000]) {
    const ms = seedSliceMs(perDay);
    assert.equal((24 * HOUR) % ms, 0);
    assert.ok((perDay * ms) / (24 * HOUR) <= MAX_EVENTS_PER_SLICE, `${perDay}/day`);
  }
});
