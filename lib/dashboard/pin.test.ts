import assert from "node:assert/strict";
import { test } from "node:test";
import { livePreset, pinnedRange } from "./pin";

const T = Date.UTC(2026, 10, 25, 12, 0);

test("a preset pins to the minutes it showed at the watermark; a custom range only gains the flag", () => {
  assert.deepEqual(pinnedRange({ range: "1h", from: null, to: null }, T), {
    range: "custom",
    from: "2026-11-25T11:00Z",
    to: "2026-11-25T12:00Z",
    pinned: true,
  });
  assert.deepEqual(pinnedRange({ range: "24h", from: null, to: null }, T), {
    range: "custom",
    from: "2026-11-24T12:00Z",
    to: "2026-11-25T12:00Z",
    pinned: true,
  });
  assert.deepEqual(pinnedRange({ range: "custom", from: "2026-11-20T00:00Z", to: "2026-11-20T06:00Z" }, null), {
    range: "custom",
    from: "2026-11-20T00:00Z",
    to: "2026-11-20T06:00Z",
    pinned: true,
  });
  assert.equal(pinnedRange({ range: "6h", from: null, to: null }, null), null);
});

test("the live view of a pinned range: the smallest preset that holds it", () => {
  assert.equal(livePreset(T - 60 * 60_000, T), "1h");
  assert.equal(livePreset(T - 61 * 60_000, T), "6h");
  assert.equal(livePreset(T - 3 * 86_400_000, T), "24h");
});
