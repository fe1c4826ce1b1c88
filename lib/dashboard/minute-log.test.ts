import assert from "node:assert/strict";
import { test } from "node:test";
import { type MinuteDelta, MinuteLog, type MinuteRow, needsFullRecompute, platformDelta, presetKpis, presetPoints, videoSeries } from "./minute-log";
import type { Counters, KpiPeriod, PulseKpis, SeriesPoint, VideoMinute } from "./models";
import { DAY_MS, MINUTE_MS as M } from "./param-values";
import { applySeriesDelta, diffSeries } from "./series-delta";

const T0 = Date.UTC(2026, 3, 7, 12, 0);
const row = (t: number, impressions: number, plays: number, finishes: number, likes: number, shares: number): MinuteRow => ({
  t,
  impressions,
  plays,
  finishes,
  likes,
  shares,
});
const point = (t: number, impressions: number, plays: number, finishes: number, likes: number, shares: number): SeriesPoint => ({
  t,
  minutes: 1,
  impressions,
  plays,
  finishes,
  likes,
  shares,
  completionRate: plays === 0 ? null : finishes / plays,
});
const delta = (afterBatch: number, throughBatch: number, watermarkMs: number, rows: MinuteRow[], appendOnly = true): MinuteDelta => ({
  afterBatch,
  throughBatch,
  watermarkMs,
  appendOnly,
  rows,
});

// Minutes a = T0, b, c, d; batch 1 closes a and b (c is partial), batch 2 closes c and d and brings
// a late correction for a. The previous day has one minute of traffic at a - 1 day.
const a = T0;
const b = T0 + M;
const c = T0 + 2 * M;
const d = T0 + 3 * M;
const batch1 = [row(a, 100, 10, 4, 5, 1), row(b, 200, 20, 10, 8, 2), row(c, 50, 5, 1, 1, 0), row(a - DAY_MS, 400, 40, 20, 10, 4)];
const batch2 = [row(a, 10, 2, 2, 1, 1), row(c, 30, 3, 2, 0, 1), row(T0 + 4 * M, 7, 1, 0, 0, 0)];

function fixture(): MinuteLog {
  const log = new MinuteLog(2 * DAY_MS);
  log.reset(batch1, 1, T0 + 2 * M);
  return log;
}

test("after batch 1 only the closed minutes a and b show; the partial minute c does not", () => {
  const log = fixture();
  assert.equal(log.batch, 1);
  assert.equal(log.watermark, T0 + 2 * M);
  assert.deepEqual(log.points(a, T0 + 4 * M), [point(a, 100, 10, 4, 5, 1), point(b, 200, 20, 10, 8, 2)]);
  assert.equal(log.points(a, T0 + 4 * M)[0]?.completionRate, 0.4);
});

test("batch 2 adds the late correction into minute a and closes c (partial rows included) and d (no rows: zeros)", () => {
  const log = fixture();
  const change = log.apply(delta(1, 2, T0 + 4 * M, batch2));
  assert.deepEqual(change, { previousWatermark: T0 + 2 * M, watermark: T0 + 4 * M, changed: [a, c, d] });
  assert.deepEqual(log.points(a, T0 + 4 * M), [
    { t: a, minutes: 1, impressions: 110, plays: 12, finishes: 6, likes: 6, shares: 2, completionRate: 0.5 },
    { t: b, minutes: 1, impressions: 200, plays: 20, finishes: 10, likes: 8, shares: 2, completionRate: 0.5 },
    { t: c, minutes: 1, impressions: 80, plays: 8, finishes: 3, likes: 1, shares: 1, completionRate: 0.375 },
    { t: d, minutes: 1, impressions: 0, plays: 0, finishes: 0, likes: 0, shares: 0, completionRate: null },
  ]);
  assert.deepEqual(log.totals(a, T0 + 10 * M), {
    impressions: 390,
    plays: 40,
    finishes: 19,
    likes: 15,
    shares: 5,
    completionRate: 0.475,
    likesPer1k: 15000 / 390,
    sharesPer1k: 5000 / 390,
  });
  assert.deepEqual(presetKpis(log, 4), {
    rangeStart: a,
    rangeEnd: T0 + 4 * M,
    current: log.totals(a, T0 + 4 * M),
    previous: { impressions: 400, plays: 40, finishes: 20, likes: 10, shares: 4, completionRate: 0.5, likesPer1k: 25, sharesPer1k: 10 },
  });
  const reset = new MinuteLog(2 * DAY_MS);
  reset.reset([...batch1, ...batch2], 2, T0 + 4 * M);
  assert.deepEqual(reset.points(a - DAY_MS, T0 + 4 * M), log.points(a - DAY_MS, T0 + 4 * M));
});

test("KPIs with no traffic have 0 counters and null ratios; a custom range ending after T ends at T", () => {
  const log = fixture();
  const none = { impressions: 0, plays: 0, finishes: 0, likes: 0, shares: 0, completionRate: null, likesPer1k: null, sharesPer1k: null };
  assert.deepEqual(log.kpis(T0 - 10 * M, T0 - 5 * M), { rangeStart: T0 - 10 * M, rangeEnd: T0 - 5 * M, current: none, previous: none });
  assert.deepEqual(log.kpis(b, T0 + 60 * M).rangeEnd, T0 + 2 * M);
  assert.deepEqual(log.kpis(T0 + 5 * M, T0 + 6 * M), { rangeStart: T0 + 5 * M, rangeEnd: T0 + 2 * M, current: none, previous: none });
});

test("video velocity and acceleration (N = 2) use the minutes before the range; completion is cut at the range start", () => {
  const log = fixture();
  log.apply(delta(1, 2, T0 + 4 * M, batch2));
  // plays: a 12, b 20, c 8, d 0 (none before a); finishes: a 6, b 10, c 3, d 0.
  const v = (t: number, velocity: number, acceleration: number, completionRate: number | null) => ({ t, velocity, acceleration, completionRate });
  const pick = (ms: readonly VideoMinute[]) =>
    ms.map((m) => ({ t: m.t, velocity: m.velocity, acceleration: m.acceleration, completionRate: m.completionRate }));
  assert.deepEqual(pick(log.videoPoints(a, T0 + 4 * M, 2)), [
    v(a, 12 / 2, (12 - 0) / 4, 6 / 12),
    v(b, 32 / 2, (32 - 0) / 4, 16 / 32),
    v(c, 28 / 2, (28 - 12) / 4, 19 / 40),
    v(d, 8 / 2, (8 - 32) / 4, 19 / 40),
  ]);
  // From b on: the same velocities (history is not cut), completion over b.. only.
  assert.deepEqual(pick(log.videoPoints(b, T0 + 4 * M, 2)), [v(b, 16, 8, 10 / 20), v(c, 14, 4, 13 / 28), v(d, 4, -6, 13 / 28)]);
  assert.deepEqual(log.videoPoints(c, T0 + 4 * M, 2)[0], {
    t: c,
    impressions: 80,
    plays: 8,
    finishes: 3,
    likes: 1,
    shares: 1,
    velocity: 14,
    acceleration: 4,
    completionRate: 3 / 8,
  });
});

test("a video's completion rate looks back 15 minutes: 14 minutes after its only plays it still counts them, at 15 no longer", () => {
  const log = new MinuteLog(2 * DAY_MS);
  log.reset([row(T0, 0, 10, 7, 0, 0)], 1, T0 + 16 * M);
  const ms = log.videoPoints(T0, T0 + 16 * M, 15);
  assert.equal(ms.length, 16);
  assert.equal(ms[14]?.completionRate, 0.7);
  assert.equal(ms[15]?.completionRate, null);
  assert.equal(ms[15]?.velocity, 0, "minutes T0+1..T0+15: no plays");
  assert.equal(ms[15]?.acceleration, -10 / 225, "velocity fell from 10/15 to 0 over 15 minutes");
});

test("a video series has points only while the video has a row in [T - 1440 - 2N min, T), however small", () => {
  const t = T0 + 2 * DAY_MS;
  const edge = t - (1440 + 4) * M;
  const log = new MinuteLog(2 * DAY_MS);
  log.reset([row(edge, 0, 0, 0, 0, 0)], 1, t);
  assert.deepEqual(
    videoSeries(log, 2, 2).map((m) => [m.t, m.plays, m.velocity, m.acceleration, m.completionRate]),
    [
      [t - 2 * M, 0, 0, 0, null],
      [t - M, 0, 0, 0, null],
    ],
  );
  log.reset([row(edge - M, 5, 5, 5, 5, 5)], 1, t);
  assert.deepEqual(videoSeries(log, 2, 2), []);
  assert.throws(() => videoSeries(log, 1441, 2), /at most 1440 minutes/);
});

test("a preset series' delta slides the range and carries only the changed minutes", () => {
  const log = fixture();
  const before = presetPoints(log, 3);
  assert.deepEqual(before, [point(a - M, 0, 0, 0, 0, 0), point(a, 100, 10, 4, 5, 1), point(b, 200, 20, 10, 8, 2)]);
  const change = log.apply(delta(1, 2, T0 + 4 * M, batch2));
  const sd = platformDelta(log, change, 3);
  assert.deepEqual(sd, { dropBefore: b, upsert: [point(c, 80, 8, 3, 1, 1), point(d, 0, 0, 0, 0, 0)] });
  assert.deepEqual(applySeriesDelta(before, sd), presetPoints(log, 3));
});

test("a full recompute is needed on start, after a gap, when the watermark or batch moves back, and when rows may have left", () => {
  const empty = new MinuteLog(2 * DAY_MS);
  assert.equal(needsFullRecompute(empty, delta(0, 1, T0, [])), "start");
  assert.throws(() => empty.apply(delta(0, 1, T0, [])), /full recompute is needed \(start\)/);
  const log = fixture();
  assert.equal(needsFullRecompute(log, delta(1, 2, T0 + 2 * M, [])), null);
  assert.equal(needsFullRecompute(log, delta(1, 1, T0 + 2 * M, [])), null, "no new batch is an empty delta");
  assert.equal(needsFullRecompute(log, delta(2, 3, T0 + 3 * M, [])), "gap");
  assert.equal(needsFullRecompute(log, delta(0, 2, T0 + 3 * M, [])), "gap");
  assert.equal(needsFullRecompute(log, delta(1, 0, T0 + 3 * M, [])), "batch moved back");
  assert.equal(needsFullRecompute(log, delta(1, 2, T0 + M, [])), "watermark moved back");
  assert.equal(needsFullRecompute(log, delta(1, 2, T0 + 3 * M, [], false)), "rows removed");
  assert.throws(() => log.apply(delta(2, 3, T0 + 3 * M, [])), /\(gap\)/);
  assert.equal(log.batch, 1, "a refused delta changes nothing");
});

test("minutes older than T - span leave; corrections into them are dropped; reads before the retention throw", () => {
  const log = new MinuteLog(10 * M);
  log.reset([row(T0 - 10 * M, 1, 1, 1, 1, 1), row(T0 - 11 * M, 1, 1, 1, 1, 1), row(T0 - M, 3, 3, 3, 3, 3)], 1, T0);
  assert.equal(log.minuteCount, 2);
  assert.equal(log.retainedFrom, T0 - 10 * M);
  const change = log.apply(delta(1, 2, T0 + M, [row(T0 - 10 * M, 5, 5, 5, 5, 5), row(T0 - 9 * M, 2, 2, 2, 2, 2)]));
  assert.deepEqual(change.changed, [T0 - 9 * M, T0]);
  assert.equal(log.minuteCount, 2);
  assert.equal(log.totals(T0 - 9 * M, T0 + M).plays, 5);
  assert.equal(log.covers(T0 - 9 * M), true);
  assert.equal(log.covers(T0 - 10 * M), false);
  assert.throws(() => log.points(T0 - 10 * M, T0), /before the retention/);
  assert.throws(() => log.kpis(T0 - 5 * M, T0), /before the retention/, "the previous day is not held");
  assert.throws(() => log.videoPoints(T0 - 5 * M, T0, 3), /before the retention/, "velocity needs 2N - 1 minutes before the range");
  assert.deepEqual(log.points(T0 - 20 * M, T0 - 20 * M), [], "an empty range reads nothing");
  assert.throws(() => log.points(T0 + 1, T0 + M), /whole minute/);
  assert.throws(() => log.apply(delta(2, 3, T0 + 2 * M, [row(T0, 1, 1, 1, 1, 1), row(T0 + 1, 1, 1, 1, 1, 1)])), /row t must be a whole minute/);
  assert.equal(log.batch, 2, "a refused delta changes nothing");
  assert.equal(log.totals(T0, T0 + M).plays, 0);
  assert.throws(() => new MinuteLog(0), /positive/);
});

// ---- Property: incremental = full recompute = the SQL formulas, over random batch sequences ----

/** mulberry32: a small seeded PRNG, so a failing sequence can be replayed from its seed. */
function prng(seed: number): (n: number) => number {
  let s = seed >>> 0;
  return (n) => {
    s = (s + 0x6d2b79f5) >>> 0;
    let x = s;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return Math.floor((((x ^ (x >>> 14)) >>> 0) / 4294967296) * n);
  };
}

interface LogRow extends MinuteRow {
  readonly batch: number;
}

/** The naive reference: the SQL's formulas over all rows written so far, nothing kept between calls. */
function closedSums(rows: readonly LogRow[], t: number): Map<number, Counters> {
  const out = new Map<number, Counters>();
  for (const r of rows) {
    if (r.t >= t) continue; // rt_video_minute: window_start < complete_through
    const s = out.get(r.t) ?? { impressions: 0, plays: 0, finishes: 0, likes: 0, shares: 0 };
    out.set(r.t, {
      impressions: s.impressions + r.impressions,
      plays: s.plays + r.plays,
      finishes: s.finishes + r.finishes,
      likes: s.likes + r.likes,
      shares: s.shares + r.shares,
    });
  }
  return out;
}
const ZERO: Counters = { impressions: 0, plays: 0, finishes: 0, likes: 0, shares: 0 };
const nullif = (num: number, den: number) => (den === 0 ? null : num / den);

function naivePoints(sums: Map<number, Counters>, lo: number, hi: number): SeriesPoint[] {
  const out: SeriesPoint[] = [];
  for (let m = lo; m < hi; m += M) {
    const c = sums.get(m) ?? ZERO;
    out.push({ t: m, minutes: 1, ...c, completionRate: nullif(c.finishes, c.plays) });
  }
  return out;
}

function naiveTotals(sums: Map<number, Counters>, lo: number, hi: number): KpiPeriod {
  const s = { impressions: 0, plays: 0, finishes: 0, likes: 0, shares: 0 };
  for (const [m, c] of sums) {
    if (m < lo || m >= hi) continue;
    for (const k of Object.keys(s) as (keyof Counters)[]) s[k] += c[k];
  }
  return {
    ...s,
    completionRate: nullif(s.finishes, s.plays),
    likesPer1k: nullif(1000 * s.likes, s.impressions),
    sharesPer1k: nullif(1000 * s.shares, s.impressions),
  };
}

function naiveKpis(sums: Map<number, Counters>, t: number, lo: number, hiAsked: number): PulseKpis {
  const hi = Math.min(hiAsked, t);
  return { rangeStart: lo, rangeEnd: hi, current: naiveTotals(sums, lo, hi), previous: naiveTotals(sums, lo - DAY_MS, hi - DAY_MS) };
}

/** rt_video_velocity_24h + video_minute_series.sql, row by row: a dense grid, ROWS frames, then the range filter. */
function naiveVideo(rows: readonly LogRow[], sums: Map<number, Counters>, t: number, lo: number, hi: number, n: number, presence: boolean): VideoMinute[] {
  const gridFrom = Math.min(lo, t - 1440 * M) - 2 * n * M;
  if (presence && !rows.some((r) => r.t >= t - (1440 + 2 * n) * M && r.t < t)) return [];
  const plays = (m: number) => (m >= gridFrom ? (sums.get(m)?.plays ?? 0) : 0);
  const frame = (from: number, to: number) => {
    let s = 0;
    for (let m = from; m <= to; m += M) s += plays(m);
    return s;
  };
  const kept: Omit<VideoMinute, "completionRate">[] = [];
  for (let m = lo; m < Math.min(hi, t); m += M) {
    const recent = frame(m - (n - 1) * M, m);
    const previous = frame(m - (2 * n - 1) * M, m - n * M);
    kept.push({ t: m, ...(sums.get(m) ?? ZERO), velocity: recent / n, acceleration: (recent - previous) / (n * n) });
  }
  return kept.map((r, i) => {
    const w = kept.slice(Math.max(0, i - 14), i + 1);
    const f = w.reduce((x, y) => x + y.finishes, 0);
    const p = w.reduce((x, y) => x + y.plays, 0);
    return { ...r, completionRate: nullif(f, p) };
  });
}

function perMinute(rows: readonly LogRow[]): MinuteRow[] {
  return [...closedSums(rows, Number.POSITIVE_INFINITY)].map(([t, c]) => ({ t, ...c }));
}

/** Exact structural equality of plain data (arrays, records, numbers, nulls), as Object.is on the leaves. */
function equal(a: unknown, b: unknown): boolean {
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return Object.is(a, b);
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => equal(x, b[i]));
  const ka = Object.keys(a);
  const rb = b as Record<string, unknown>;
  return ka.length === Object.keys(b).length && ka.every((k) => k in rb && equal((a as Record<string, unknown>)[k], rb[k]));
}

/**
 * assert.deepEqual behind a fast check: the property compares about 76,000 results, and node's deep
 * comparison alone would take seconds. On any difference deepEqual runs, to decide and report.
 */
function same<V>(actual: V, expected: V, msg: string): void {
  if (!equal(actual, expected)) assert.deepEqual(actual, expected, msg);
}

function runSequence(seed: number): number {
  const rand = prng(seed);
  const n = 1 + rand(5);
  const span = (1500 + rand(10)) * M; // >= 1 day + the 30-minute ranges below, and >= 1440 + 2N minutes
  const presetRange = 1 + rand(30);
  const videoRange = 1 + rand(40);
  const table: LogRow[] = [];
  let t = T0;
  let log = new MinuteLog(span);
  log.reset([], 0, t);
  let prevPreset = presetPoints(log, presetRange);
  let prevVideo = videoSeries(log, videoRange, n);
  const near = (center: number, before: number, after: number) => center + (rand(before + after + 1) - before) * M;
  let checks = 0;
  const batches = 12 + rand(14);
  for (let batch = 1; batch <= batches; batch++) {
    t += rand(4) * M;
    for (let k = rand(7); k > 0; k--) {
      const where = rand(10);
      const m =
        where < 6
          ? near(t, 40, 3) // new minutes, late corrections into old ones, partial minutes at or after T
          : where < 8
            ? near(t - DAY_MS, 35, 3) // the KPIs' previous period
            : where < 9
              ? near(t - (1440 + 2 * n) * M, 3, 3) // the edge of the video set
              : near(t - span, 4, 4); // the edge of the retention: evicted, or dropped on arrival
      const v = () => (rand(4) === 0 ? 0 : rand(25));
      table.push({ batch, ...row(m, v(), v(), v(), v(), v()) });
    }
    const msg = `seed ${seed}, batch ${batch}`;
    if (rand(7) === 0) continue; // the caller skips a batch: the next delta carries two
    const all = table.filter((r) => r.batch <= batch);
    if (rand(20) === 0) {
      log = new MinuteLog(span);
      log.reset(perMinute(all), batch, t);
    } else {
      const from = log.batch!;
      const bound = rand(2) === 0 ? t - span : Number.NEGATIVE_INFINITY;
      const d = delta(from, batch, t, perMinute(table.filter((r) => r.batch > from && r.batch <= batch && r.t >= bound)));
      assert.equal(needsFullRecompute(log, d), null, msg);
      const change = log.apply(d);
      same(applySeriesDelta(prevPreset, platformDelta(log, change, presetRange)), presetPoints(log, presetRange), msg);
    }
    const full = new MinuteLog(span);
    full.reset(perMinute(all), batch, t);
    const sums = closedSums(all, t);
    assert.equal(log.minuteCount, new Set(all.filter((r) => r.t >= t - span).map((r) => r.t)).size, `${msg}: eviction`);

    const lo = rand(5) === 0 ? t - span + rand(5) * M : t - rand(45) * M;
    const hi = lo + rand(60) * M;
    const kLo = Math.max(lo, t - span + DAY_MS);
    const vLo = Math.max(lo, t - span + (2 * n - 1) * M);
    for (const l of [log, full]) {
      same(presetPoints(l, presetRange), naivePoints(sums, t - presetRange * M, t), msg);
      same(presetKpis(l, presetRange), naiveKpis(sums, t, t - presetRange * M, t), msg);
      same(l.points(lo, hi), naivePoints(sums, lo, Math.min(hi, t)), msg);
      same(l.totals(lo, hi), naiveTotals(sums, lo, Math.min(hi, t)), msg);
      same(l.kpis(kLo, hi), naiveKpis(sums, t, kLo, hi), msg);
      same(videoSeries(l, videoRange, n), naiveVideo(all, sums, t, t - videoRange * M, t, n, true), msg);
      same(l.videoPoints(vLo, hi, n), naiveVideo(all, sums, t, vLo, hi, n, false), msg);
    }
    const video = videoSeries(log, videoRange, n);
    const vd = diffSeries(prevVideo, video);
    assert.ok(vd !== null, msg);
    same(applySeriesDelta(prevVideo, vd), video, msg);
    prevPreset = presetPoints(log, presetRange);
    prevVideo = video;
    checks++;
  }
  return checks;
}

test("property: over random batch sequences with late corrections, incremental state = full recompute = the SQL formulas", () => {
  let checks = 0;
  for (let seed = 1; seed <= 300; seed++) checks += runSequence(seed);
  assert.ok(checks > 3000, `${checks} batches checked`);
});
