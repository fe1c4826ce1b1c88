import assert from "node:assert/strict";
import { test } from "node:test";
import type { ResultMeta } from "../../dashboard/envelope";
import { rtPanelMeta } from "./rt-panel-meta";

const FIRST_COMMIT = Date.UTC(2026, 10, 24, 2, 15, 40);
const T = Date.UTC(2026, 10, 24, 2, 14);
const meta = (fetchedAt: number, watermark: number | null): ResultMeta => ({ sql: "SELECT 1", fetchedAt, stale: false, ageSeconds: 0, watermark });

test("while no micro-batch has committed, the panel loses the clock's watermark and says the seed's progress", () => {
  const m = meta(FIRST_COMMIT - 60_000, T + 60_000);
  assert.deepEqual(rtPanelMeta(m, { state: "loading", watermark: null, firstCommit: null, seed: { daysDone: 3, daysTotal: 8 } }), {
    ...m,
    watermark: null,
    rtLoading: { seed: { daysDone: 3, daysTotal: 8 } },
  });
  assert.deepEqual(rtPanelMeta(m, { state: "loading", watermark: null, firstCommit: null, seed: null }), { ...m, watermark: null, rtLoading: { seed: null } });
});

test("a result fetched before the first commit stays loading even when the watermark is already complete", () => {
  const m = meta(FIRST_COMMIT - 1, T + 60_000);
  assert.deepEqual(rtPanelMeta(m, { state: "complete", watermark: T, firstCommit: FIRST_COMMIT, seed: { daysDone: 8, daysTotal: 8 } }), {
    ...m,
    watermark: null,
    rtLoading: { seed: { daysDone: 8, daysTotal: 8 } },
  });
});

test("once committed, the panel keeps its own watermark or borrows the RT one when its rows were empty", () => {
  const w = { state: "complete", watermark: T, firstCommit: FIRST_COMMIT, seed: null } as const;
  const own = meta(FIRST_COMMIT, T - 60_000);
  assert.equal(rtPanelMeta(own, w), own);
  assert.deepEqual(rtPanelMeta(meta(FIRST_COMMIT + 5_000, null), w), meta(FIRST_COMMIT + 5_000, T));
});
