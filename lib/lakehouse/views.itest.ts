/**
 * The read-time views return exactly the hand-computed numbers on small fixtures.
 * N = 15 (the default). Every fixture is placed relative to a watermark T written into
 * meta.job_checkpoints an hour in the past, so results do not depend on the clock, except in
 * the tests that are about the clock (no watermark yet, the still-open minute).
 */
import assert from "node:assert/strict";
import { before, beforeEach, test } from "node:test";
import { insertFixtureVideos, RT_COLUMNS, rtRow } from "../../tools/testing/rt-fixture";
import { singleNodeTest } from "../../tools/testing/single-node-test";
import { insertRows, q, requireTestInstance, rows, trinoMinuteNow } from "../../tools/testing/trino-fixtures";
import { type SqlValue, sqlInstant } from "../trino/bind";

const MIN = 60_000;
const HOUR = 60 * MIN;

let T = 0; // watermark: minutes with window_start < T are closed

const at = (ms: number) => sqlInstant(new Date(ms));
const close = (actual: unknown, expected: number, what: string) =>
  assert.ok(Math.abs(Number(actual) - expected) < 1e-9, `${what}: expected ${expected}, got ${String(actual)}`);

/** One RT row: impressions 10, likes 1, shares 0, play_finish 2, and the given plays. */
function rt(video: string, minutesBeforeT: number, plays: number, uploadMs: number): SqlValue[] {
  return rtRow(video, T - minutesBeforeT * MIN, plays, uploadMs);
}

async function setWatermark(ms: number): Promise<void> {
  await insertRows(
    "lakehouse.meta.job_checkpoints",
    ["job", "state", "complete_through", "recorded_at"],
    [["rt_video_stats_1min", "committed", at(ms), at(Date.now())]],
  );
}

async function clear(): Promise<void> {
  await q("admin", "DELETE FROM lakehouse.gold.rt_video_stats_1min");
  await q("admin", "DELETE FROM lakehouse.meta.job_checkpoints");
  await q("admin", "DELETE FROM lakehouse.dims.dim_videos");
}

/**
 * Video A: 4 plays in each of the 15 recent minutes (T-15..T-1), 2 in each of the 15 previous
 *   (T-30..T-16), a correction row of +3 plays at T-1, 1000 plays at T-31 (too old for velocity)
 *   and 100 at T (not closed). Recent = 60 + 3 = 63, previous = 30.
 *   velocity = 63/15 = 4.2; acceleration = (4.2 - 2)/15 = 0.146666...
 * Video B (gaps): 5 plays at T-2, 10 at T-20. velocity = 5/15; acceleration = (5/15 - 10/15)/15 = -1/45.
 * Video C (single minute, in the previous window only): 6 at T-16. velocity 0; acceleration = -6/225.
 * Video D: only at T (open): absent everywhere.
 */
async function loadTraffic(): Promise<{ uploadA: number; uploadB: number }> {
  const uploadA = T - 48 * HOUR;
  const uploadB = T - 24 * HOUR;
  const values: SqlValue[][] = [];
  for (let k = 1; k <= 15; k++) values.push(rt("A", k, 4, uploadA));
  for (let k = 16; k <= 30; k++) values.push(rt("A", k, 2, uploadA));
  values.push(rt("A", 1, 3, uploadA), rt("A", 31, 1000, uploadA), rt("A", 0, 100, uploadA));
  values.push(rt("B", 2, 5, uploadB), rt("B", 20, 10, uploadB));
  values.push(rt("C", 16, 6, uploadB));
  values.push(rt("D", 0, 7, uploadB));
  await insertRows("lakehouse.gold.rt_video_stats_1min", RT_COLUMNS, values);
  await insertFixtureVideos(uploadA, uploadB);
  await setWatermark(T);
  return { uploadA, uploadB };
}

before(requireTestInstance);
beforeEach(async () => {
  await clear();
  T = (await trinoMinuteNow()) - HOUR;
});

type Velocity = {
  video_id: string;
  velocity_score: number;
  acceleration: number;
  play_start_recent: number;
  impressions_recent: number;
  complete_through_ms: number;
};

const velocities = () =>
  rows<Velocity>(
    "dashboard",
    "SELECT video_id, velocity_score, acceleration, play_start_recent, impressions_recent, to_unixtime(complete_through) * 1000 AS complete_through_ms FROM lakehouse.gold.rt_video_velocity ORDER BY video_id",
  );

singleNodeTest("no data: every view is empty and the watermark falls back to the clock", async () => {
  assert.deepEqual(await velocities(), []);
  assert.deepEqual(await rows("dashboard", "SELECT * FROM lakehouse.gold.rt_platform_minute"), []);
  assert.deepEqual(await rows("dashboard", "SELECT * FROM lakehouse.gold.rt_trending"), []);
  assert.deepEqual(await rows("dashboard", "SELECT * FROM lakehouse.gold.rt_video_velocity_24h"), []);
  const now = await trinoMinuteNow();
  const [w] = await rows<{ ms: number }>("dashboard", "SELECT to_unixtime(complete_through) * 1000 AS ms FROM lakehouse.gold.rt_watermark");
  assert.ok(w!.ms === now || w!.ms === now + MIN, `watermark ${w!.ms} vs clock minute ${now}`);
});

singleNodeTest("the watermark is the newest complete_through, capped at the current minute", async () => {
  await setWatermark(T - 5 * MIN);
  await setWatermark(T);
  const [w] = await rows<{ ms: number }>("dashboard", "SELECT to_unixtime(complete_through) * 1000 AS ms FROM lakehouse.gold.rt_watermark");
  assert.equal(w!.ms, T);
  await setWatermark(T + 10 * HOUR);
  const now = await trinoMinuteNow();
  const [capped] = await rows<{ ms: number }>("dashboard", "SELECT to_unixtime(complete_through) * 1000 AS ms FROM lakehouse.gold.rt_watermark");
  assert.ok(capped!.ms === now || capped!.ms === now + MIN);
});

test("rt_video_minute adds correction rows up and drops minutes at or after the watermark", async () => {
  await loadTraffic();
  const r = await rows<{ video_id: string; play_start: number; impressions: number; source_rows: number }>(
    "dashboard",
    "SELECT video_id, play_start, impressions, source_rows FROM lakehouse.gold.rt_video_minute WHERE window_start = :t ORDER BY video_id",
    { t: at(T - MIN) },
  );
  assert.deepEqual(r, [{ video_id: "A", play_start: 7, impressions: 20, source_rows: 2 }]);
  const open = await rows("dashboard", "SELECT * FROM lakehouse.gold.rt_video_minute WHERE window_start >= :t", { t: at(T) });
  assert.deepEqual(open, []);
  const [count] = await rows<{ n: number }>("dashboard", "SELECT count(*) AS n FROM lakehouse.gold.rt_video_minute");
  assert.equal(count!.n, 31 + 2 + 1); // A: T-31..T-1, B: 2 minutes, C: 1 minute
});

test("rt_video_velocity: normal traffic, gaps and a single minute", async () => {
  await loadTraffic();
  const v = await velocities();
  assert.deepEqual(
    v.map((x) => x.video_id),
    ["A", "B", "C"],
  );
  const [a, b, c] = v as [Velocity, Velocity, Velocity];
  close(a.velocity_score, 4.2, "A velocity");
  close(a.acceleration, (4.2 - 2) / 15, "A acceleration");
  assert.equal(a.play_start_recent, 63);
  assert.equal(a.impressions_recent, 16 * 10);
  close(b.velocity_score, 1 / 3, "B velocity");
  close(b.acceleration, -1 / 45, "B acceleration");
  close(c.velocity_score, 0, "C velocity");
  close(c.acceleration, -6 / 225, "C acceleration");
  assert.equal(a.complete_through_ms, T);
});

test("rt_platform_minute sums all videos per closed minute", async () => {
  await loadTraffic();
  const r = await rows<{
    ms: number;
    impressions: number;
    play_start: number;
    play_finish: number;
    likes: number;
    shares: number;
    active_videos: number;
    completion_rate: number;
  }>(
    "dashboard",
    "SELECT to_unixtime(window_start) * 1000 AS ms, impressions, play_start, play_finish, likes, shares, active_videos, completion_rate FROM lakehouse.gold.rt_platform_minute WHERE window_start >= :from ORDER BY window_start DESC",
    { from: at(T - 2 * MIN) },
  );
  assert.equal(r.length, 2);
  // T-1: A's row and its correction. T-2: A (4 plays) and B (5 plays).
  assert.deepEqual(
    { ...r[0]!, completion_rate: undefined },
    { ms: T - MIN, impressions: 20, play_start: 7, play_finish: 4, likes: 2, shares: 0, active_videos: 1, completion_rate: undefined },
  );
  close(r[0]!.completion_rate, 4 / 7, "completion T-1");
  assert.deepEqual(
    { ...r[1]!, completion_rate: undefined },
    { ms: T - 2 * MIN, impressions: 20, play_start: 9, play_finish: 4, likes: 2, shares: 0, active_videos: 2, completion_rate: undefined },
  );
});

test("rt_trending discounts by age (half-life 48 h) and drops banned videos", async () => {
  await loadTraffic();
  const r = await rows<{ video_id: string; category: string; age_hours: number; freshness: number; trending_score: number; play_rate: number }>(
    "dashboard",
    "SELECT video_id, category, age_hours, freshness, trending_score, play_rate FROM lakehouse.gold.rt_trending ORDER BY trending_score DESC",
  );
  assert.deepEqual(
    r.map((x) => [x.video_id, x.category]),
    [
      ["A", "Gaming"],
      ["B", "Beauty"],
    ],
  );
  close(r[0]!.age_hours, 48, "A age");
  close(r[0]!.freshness, 0.5, "A freshness");
  close(r[0]!.trending_score, 2.1, "A score");
  close(r[0]!.play_rate, 63 / 160, "A play rate");
  close(r[1]!.freshness, 2 ** -0.5, "B freshness");
  close(r[1]!.trending_score, (1 / 3) * 2 ** -0.5, "B score");
});

test("rt_video_velocity_24h is dense over 24 h and agrees with rt_video_velocity at the last minute", async () => {
  await loadTraffic();
  const r = await rows<{ ms: number; play_start: number; velocity_score: number; acceleration: number }>(
    "dashboard",
    "SELECT to_unixtime(window_start) * 1000 AS ms, play_start, velocity_score, acceleration FROM lakehouse.gold.rt_video_velocity_24h WHERE video_id = 'A' ORDER BY window_start",
  );
  assert.equal(r.length, 1440);
  assert.equal(r[0]!.ms, T - 1440 * MIN);
  const last = r.at(-1)!;
  assert.equal(last.ms, T - MIN);
  assert.equal(last.play_start, 7);
  close(last.velocity_score, 4.2, "velocity at T-1");
  close(last.acceleration, (4.2 - 2) / 15, "acceleration at T-1");
  // At T-16 the trailing 15 minutes are T-30..T-16 (2 each => 2.0); the 15 before hold the 1000 at T-31.
  const t16 = r.find((x) => x.ms === T - 16 * MIN)!;
  close(t16.velocity_score, 2, "velocity at T-16");
  close(t16.acceleration, (2 - 1000 / 15) / 15, "acceleration at T-16");
  // A gap minute long before any traffic is a row of zeros.
  const quiet = r.find((x) => x.ms === T - 600 * MIN)!;
  assert.deepEqual([quiet.play_start, quiet.velocity_score, quiet.acceleration], [0, 0, 0]);
  const [counts] = await rows<{ videos: number }>("dashboard", "SELECT count(DISTINCT video_id) AS videos FROM lakehouse.gold.rt_video_velocity_24h");
  assert.equal(counts!.videos, 3);
});

singleNodeTest("without a watermark the still-open clock minute is excluded", async () => {
  // Stay clear of a minute boundary between writing and reading.
  while (new Date().getUTCSeconds() > 40) await new Promise((r) => setTimeout(r, 1000));
  const now = await trinoMinuteNow();
  await insertRows("lakehouse.gold.rt_video_stats_1min", RT_COLUMNS, [
    ["E", at(now), at(now - HOUR), 10, 0, 0, 50, 0],
    ["E", at(now - MIN), at(now - HOUR), 10, 0, 0, 15, 0],
  ]);
  const r = await rows<{ ms: number }>("dashboard", "SELECT to_unixtime(window_start) * 1000 AS ms FROM lakehouse.gold.rt_video_minute WHERE video_id = 'E'");
  assert.deepEqual(r, [{ ms: now - MIN }]);
  const [v] = await velocities();
  close(v!.velocity_score, 1, "E velocity (15 plays / 15 min)");
});
