import assert from "node:assert/strict";
import { test } from "node:test";
import type { Counters } from "../../dashboard/models";
import { baselineStats, type CountersAt, metricAt, readMinute, WEEK_MS } from "./minute-metrics";

const MIN = 60_000;
const T = Date.UTC(2026, 10, 25, 12, 0);
const c = (plays: number, finishes = 0, impressions = 0, likes = 0, shares = 0): Counters => ({ impressions, plays, finishes, likes, shares });
/** Counters by minute offset from T; minutes in [T - 60, T) without an entry are zeros; others are not held. */
const source =
  (rows: Record<number, Counters>, from = T - 60 * MIN, to = T): CountersAt =>
  (m) =>
    m >= from && m < to ? (rows[(m - T) / MIN] ?? c(0)) : undefined;

test("platform metrics of one minute; a 0 denominator gives no value", () => {
  const at = source({ [-1]: c(80, 60, 400, 10, 2), [-2]: c(0, 0, 0) });
  assert.equal(metricAt("plays", at, T - MIN, 15), 80);
  assert.equal(metricAt("completion_rate", at, T - MIN, 15), 0.75);
  assert.equal(metricAt("likes_per_1k", at, T - MIN, 15), 25); // 1000 * 10 / 400
  assert.equal(metricAt("shares_per_1k", at, T - MIN, 15), 5);
  assert.equal(metricAt("completion_rate", at, T - 2 * MIN, 15), null);
  assert.equal(metricAt("likes_per_1k", at, T - 2 * MIN, 15), null);
  assert.equal(metricAt("plays", at, T, 15), null, "a minute the source does not hold");
});

test("velocity and acceleration over N = 3 minutes", () => {
  // plays at T-6 .. T-1: 1, 2, 3, 4, 5, 6
  const at = source({ [-6]: c(1), [-5]: c(2), [-4]: c(3), [-3]: c(4), [-2]: c(5), [-1]: c(6) });
  assert.equal(metricAt("velocity", at, T - MIN, 3), (4 + 5 + 6) / 3);
  assert.equal(metricAt("acceleration", at, T - MIN, 3), (4 + 5 + 6 - (1 + 2 + 3)) / 9);
  // At T-58 the previous window reaches T-63, which the source does not hold.
  assert.equal(metricAt("acceleration", at, T - 58 * MIN, 3), null);
  assert.equal(metricAt("velocity", at, T - 58 * MIN, 3), 0);
});

test("baseline: mean and population deviation of the defined values, none with fewer than two", () => {
  const s = baselineStats([4, 4, 4, 4, 5, 4, 4, 14, 4, 4])!;
  // mean 51 / 10; variance (8 * 1.1² + 0.1² + 8.9²) / 10 = 88.9 / 10
  assert.deepEqual([s.mean, s.count], [5.1, 10]);
  assert.ok(Math.abs(s.sd - Math.sqrt(8.89)) < 1e-12);
  assert.deepEqual(baselineStats([2, null, 4]), { mean: 3, sd: 1, count: 2 });
  assert.equal(baselineStats([7, null]), undefined);
});

test("a rolling anomaly: the e2e fixture's minute T (1,000 plays) against the 10 minutes before", () => {
  // Fixture plays at T-10 .. T-1: 4 each, but T-5 = 5 (a late play) and T-3 = 14 (the banned video's 10).
  const rows: Record<number, Counters> = { [-5]: c(5), [-3]: c(14), 0: c(1000) };
  for (const k of [1, 2, 4, 6, 7, 8, 9, 10]) rows[-k] = c(4);
  const at = source(rows, T - 60 * MIN, T + MIN);
  const rule = {
    metric: "plays" as const,
    condition: { kind: "anomaly" as const, op: "above" as const, baseline: "rolling" as const, baselineMinutes: 10, z: 3, recoverZ: 1 },
  };
  const r = readMinute(rule, T, { current: at, weekAgo: () => undefined, velocityWindow: 15 });
  assert.equal(r.value, 1000);
  assert.equal(r.baseline, 5.1);
  assert.ok(Math.abs(r.z! - (1000 - 5.1) / Math.sqrt(8.89)) < 1e-9);
  assert.equal(r.breach, true);
  assert.equal(r.recovered, false);
  // 'below' reads the same z the other way: no breach, and recovered (-z < 1).
  const below = readMinute({ ...rule, condition: { ...rule.condition, op: "below" } }, T, { current: at, weekAgo: () => undefined, velocityWindow: 15 });
  assert.deepEqual([below.breach, below.recovered], [false, true]);
});

test("a week baseline reads the W minutes ending one week before the minute", () => {
  const asked: number[] = [];
  const weekAgo: CountersAt = (m) => {
    asked.push(m);
    return c((m - (T - WEEK_MS)) / MIN + 10); // plays 10 at T - 7d, 9 a minute before, 8 ...
  };
  const current = source({ 0: c(20) }, T - 60 * MIN, T + MIN);
  const rule = {
    metric: "plays" as const,
    condition: { kind: "anomaly" as const, op: "either" as const, baseline: "week" as const, baselineMinutes: 3, z: 2, recoverZ: 1 },
  };
  const r = readMinute(rule, T, { current, weekAgo, velocityWindow: 15 });
  assert.deepEqual(asked, [T - WEEK_MS, T - WEEK_MS - MIN, T - WEEK_MS - 2 * MIN]);
  // sample 10, 9, 8: mean 9, sd sqrt(2/3); z = (20 - 9) / sqrt(2/3)
  assert.equal(r.baseline, 9);
  assert.ok(Math.abs(r.z! - 11 / Math.sqrt(2 / 3)) < 1e-9);
  assert.equal(r.breach, true);
});

test("a flat baseline (sd 0) or no value gives no z, and neither breaches nor recovers", () => {
  const at = source({ [-1]: c(9) });
  const rule = {
    metric: "plays" as const,
    condition: { kind: "anomaly" as const, op: "above" as const, baseline: "rolling" as const, baselineMinutes: 5, z: 3, recoverZ: 1 },
  };
  const r = readMinute(rule, T - MIN, { current: at, weekAgo: () => undefined, velocityWindow: 15 });
  assert.deepEqual([r.value, r.baseline, r.z, r.breach, r.recovered], [9, 0, null, false, false]);
  const threshold = readMinute({ metric: "completion_rate", condition: { kind: "threshold", op: "below", threshold: 0.5, recover: 0.6 } }, T - 2 * MIN, {
    current: at,
    weekAgo: () => undefined,
    velocityWindow: 15,
  });
  assert.deepEqual([threshold.value, threshold.breach, threshold.recovered], [null, false, false]);
});

test("threshold with hysteresis: above 500 breaches, at or below 200 recovers, between holds", () => {
  const at = source({ [-4]: c(1000), [-3]: c(600), [-2]: c(300), [-1]: c(200) });
  const rule = { metric: "plays" as const, condition: { kind: "threshold" as const, op: "above" as const, threshold: 500, recover: 200 } };
  const read = (k: number) => readMinute(rule, T - k * MIN, { current: at, weekAgo: () => undefined, velocityWindow: 15 });
  assert.deepEqual(
    [4, 3, 2, 1].map((k) => [read(k).breach, read(k).recovered]),
    [
      [true, false],
      [true, false],
      [false, false],
      [false, true],
    ],
  );
});
