import assert from "node:assert/strict";
import { test } from "node:test";
import { DAILY_POLL_MS, dailyRefetchInterval, STALE_POLL_MS } from "./daily-poll";

const meta = (stale: boolean) => ({ sql: "", fetchedAt: 0, stale, ageSeconds: 0, watermark: null });

test("a daily panel polls every 5 minutes, every 10 s while it shows a stale copy, and slowly before its first answer", () => {
  assert.equal(dailyRefetchInterval({ state: { data: { data: null, meta: meta(false) } } }), 300_000);
  assert.equal(dailyRefetchInterval({ state: { data: { data: null, meta: meta(true) } } }), 10_000);
  assert.equal(dailyRefetchInterval({ state: {} }), DAILY_POLL_MS);
  assert.equal(STALE_POLL_MS, 10_000);
});
