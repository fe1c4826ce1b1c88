import assert from "node:assert/strict";
import { test } from "node:test";
import { pulseRangeQuery, searchParamsObject } from "../../../lib/dashboard/schemas";
import { Rng } from "../../../lib/pipeline/simulator/rng";
import { distinctRanges, isoMinute, rangeQuery } from "./ranges";

const NOW = Date.UTC(2026, 10, 25, 9, 30, 42); // 2026-11-25 09:30:42 UTC
const DAY_MS = 86_400_000;

test("isoMinute and rangeQuery write the page's form, to the minute, in UTC", () => {
  assert.equal(isoMinute(Date.UTC(2026, 10, 24, 12, 0)), "2026-11-24T12:00Z");
  assert.equal(rangeQuery({ fromMs: Date.UTC(2026, 10, 24, 12, 0), toMs: Date.UTC(2026, 10, 24, 13, 5) }), "from=2026-11-24T12%3A00Z&to=2026-11-24T13%3A05Z");
});

test("2,100 ranges (seven bursts of 300) are distinct, valid for the API and inside the last 7 days", () => {
  const seen = new Set<string>();
  const rng = new Rng(1, "bench-live-burst");
  const all = Array.from({ length: 7 }, () => distinctRanges(300, NOW, rng, seen)).flat();
  assert.equal(all.length, 2_100);
  assert.equal(seen.size, 2_100);
  assert.equal(new Set(all.map(rangeQuery)).size, 2_100);
  const nowMinute = Math.floor(NOW / 60_000) * 60_000;
  let perMinute = 0;
  for (const r of all) {
    assert.ok(r.fromMs < r.toMs && r.toMs <= nowMinute && r.fromMs >= nowMinute - 7 * DAY_MS, `${isoMinute(r.fromMs)}..${isoMinute(r.toMs)}`);
    const parsed = pulseRangeQuery.safeParse(searchParamsObject(new URLSearchParams(rangeQuery(r))));
    assert.ok(parsed.success, rangeQuery(r));
    assert.deepEqual(parsed.data.range, { kind: "custom", startMs: r.fromMs, endMs: r.toMs, minutes: (r.toMs - r.fromMs) / 60_000 });
    if (r.toMs - r.fromMs <= DAY_MS) perMinute += 1;
  }
  // Lengths log-uniform over 10 min .. 6 days: P(<= 1 day) = ln(144) / ln(864) = 0.735.
  assert.ok(perMinute > 1_400 && perMinute < 1_700, `${perMinute} of 2,100 at most a day long`);
});

test("the same seed draws the same ranges; ranges already seen are not drawn again", () => {
  const a = distinctRanges(5, NOW, new Rng(7, "x"), new Set());
  const b = distinctRanges(5, NOW, new Rng(7, "x"), new Set());
  assert.deepEqual(a, b);
  const seen = new Set([`${a[0]!.fromMs / 60_000}/${a[0]!.toMs / 60_000}`]);
  const c = distinctRanges(5, NOW, new Rng(7, "x"), seen);
  assert.ok(!c.some((r) => r.fromMs === a[0]!.fromMs && r.toMs === a[0]!.toMs));
});
