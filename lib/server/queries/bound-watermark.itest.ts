/**
 * The dashboard statements that take the RT watermark T as a bound value, against the real Trino:
 * sql/queries/pulse_trending.sql and video_summary.sql answer the hand-computed numbers, the same as
 * the read-time views (gold.rt_trending, gold.rt_video_velocity) at that T, and a T bound earlier than
 * the views' watermark moves every window with it.
 *
 * N = 15. Fixture (minutes before T; every row has impressions 10, likes 1, shares 0):
 *   A (Gaming, creator u1, uploaded T - 48 h): 4 plays at T-15..T-1, 2 at T-30..T-16, a correction
 *     row of +3 at T-1, 1000 at T-31, 100 at T (not closed), and 30 plays at T-1d-5 (the day before).
 *     velocity 63/15 = 4.2; acceleration (4.2 - 30/15)/15; baseline 30/15 = 2; change 2.2;
 *     age 48 h -> trending 4.2 / 2 = 2.1; impressions 16 rows * 10 = 160; likes 16.
 *     Sparkline: T-31 1000, T-30..T-16 2, T-15..T-2 4, T-1 7.
 *   B (Beauty, creator u2, uploaded T - 24 h): 5 plays at T-2, 10 at T-20.
 *     velocity 1/3; acceleration (1/3 - 2/3)/15 = -1/45; baseline 0; trending (1/3) * 2^-0.5.
 *   C (banned): 6 at T-16. Left out.      D: only at T (open). Absent.
 */
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { before, test } from "node:test";
import { insertFixtureVideos, RT_COLUMNS, rtRow } from "../../../tools/testing/rt-fixture";
import { insertRows, q, requireTestInstance, rows, testInstance, trinoMinuteNow } from "../../../tools/testing/trino-fixtures";
import { REPO_ROOT } from "../../lakehouse/settings";
import { type SqlValue, sqlInstant } from "../../trino/bind";
import { statementOf } from "../../trino/sql-text";

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const N = 15;
const at = (ms: number) => sqlInstant(new Date(ms));
const close = (actual: unknown, expected: number, what: string) =>
  assert.ok(Math.abs(Number(actual) - expected) < 1e-9, `${what}: expected ${expected}, got ${String(actual)}`);
const query = (name: string) => statementOf(`${name}.sql`, fs.readFileSync(path.join(REPO_ROOT, "sql", "queries", `${name}.sql`), "utf8"));

type Ranked = {
  rank: number;
  video_id: string;
  category: string | null;
  age_hours: string | null;
  velocity_score: number;
  acceleration: number;
  trending_score: number | null;
  baseline_velocity: number;
  velocity_change: number;
  impressions_recent: number;
  play_start_recent: number;
  likes_recent: number;
  shares_recent: number;
  total_videos: number;
  creator_id: string | null;
  hashtags: string[] | null;
  spark_ago: number[] | null;
  spark_plays: number[] | null;
  watermark_ms: number;
};

let T = 0;

function trending(t: number | null, sort: string, filters: { category?: string; creator?: string } = {}): Promise<Ranked[]> {
  return rows<Ranked>("dashboard", query("pulse_trending"), {
    complete_through: t === null ? null : at(t),
    category: filters.category ?? null,
    creator: filters.creator ?? null,
    sort,
    limit: 10,
    window_minutes: N,
  });
}

before(async () => {
  requireTestInstance();
  assert.equal(testInstance.velocityWindowMinutes, N, "the views of the test instance use N = 15");
  for (const t of ["gold.rt_video_stats_1min", "meta.job_checkpoints", "dims.dim_videos"]) await q("admin", `DELETE FROM lakehouse.${t}`);
  T = (await trinoMinuteNow()) - HOUR;
  const uploadA = T - 48 * HOUR;
  const uploadB = T - 24 * HOUR;
  const rt = (video: string, minutesBeforeT: number, plays: number, upload: number) => rtRow(video, T - minutesBeforeT * MIN, plays, upload);
  const values: SqlValue[][] = [];
  for (let k = 1; k <= 15; k++) values.push(rt("A", k, 4, uploadA));
  for (let k = 16; k <= 30; k++) values.push(rt("A", k, 2, uploadA));
  values.push(rt("A", 1, 3, uploadA), rt("A", 31, 1000, uploadA), rt("A", 0, 100, uploadA), rt("A", DAY / MIN + 5, 30, uploadA));
  values.push(rt("B", 2, 5, uploadB), rt("B", 20, 10, uploadB), rt("C", 16, 6, uploadB), rt("D", 0, 7, uploadB));
  await insertRows("lakehouse.gold.rt_video_stats_1min", RT_COLUMNS, values);
  await insertFixtureVideos(uploadA, uploadB);
  await insertRows(
    "lakehouse.meta.job_checkpoints",
    ["job", "state", "complete_through", "recorded_at"],
    [["rt_video_stats_1min", "committed", at(T), at(Date.now())]],
  );
});

test("the ranking at the bound watermark: hand-computed velocity, baseline, age, sparkline", async () => {
  const r = await trending(T, "velocity");
  assert.deepEqual(
    r.map((x) => [x.rank, x.video_id, x.total_videos, x.watermark_ms]),
    [
      [1, "A", 2, T],
      [2, "B", 2, T],
    ],
  );
  const [a, b] = r as [Ranked, Ranked];
  close(a.velocity_score, 4.2, "A velocity");
  close(a.acceleration, (4.2 - 2) / 15, "A acceleration");
  close(a.baseline_velocity, 2, "A baseline");
  close(a.velocity_change, 2.2, "A change");
  close(a.trending_score!, 2.1, "A trending");
  assert.equal(Number(a.age_hours), 48);
  assert.deepEqual(
    [a.impressions_recent, a.play_start_recent, a.likes_recent, a.shares_recent, a.category, a.creator_id, a.hashtags],
    [160, 63, 16, 0, "Gaming", "u1", ["#a"]],
  );
  assert.deepEqual(
    a.spark_ago,
    Array.from({ length: 31 }, (_, i) => 31 - i),
  );
  assert.deepEqual(a.spark_plays, [1000, ...Array(15).fill(2), ...Array(14).fill(4), 7]);
  close(b.velocity_score, 1 / 3, "B velocity");
  close(b.acceleration, -1 / 45, "B acceleration");
  close(b.baseline_velocity, 0, "B baseline");
  close(b.trending_score!, (1 / 3) * 2 ** -0.5, "B trending");
  assert.deepEqual(
    [b.spark_ago, b.spark_plays],
    [
      [20, 2],
      [10, 5],
    ],
  );
});

test("it agrees with gold.rt_trending at the same watermark, for every sort and filter", async () => {
  const view = await rows<{ video_id: string; velocity_score: number; acceleration: number; trending_score: number; age_hours: string }>(
    "dashboard",
    "SELECT video_id, velocity_score, acceleration, trending_score, age_hours FROM lakehouse.gold.rt_trending ORDER BY video_id",
  );
  assert.deepEqual(
    view.map((v) => v.video_id),
    ["A", "B"],
  );
  for (const sort of ["velocity", "acceleration", "trending", "change"]) {
    const r = (await trending(T, sort)).sort((x, y) => x.video_id.localeCompare(y.video_id));
    assert.deepEqual(
      r.map((x) => [x.video_id, x.velocity_score, x.acceleration, x.trending_score, Number(x.age_hours)]),
      view.map((v) => [v.video_id, v.velocity_score, v.acceleration, v.trending_score, Number(v.age_hours)]),
      `sort ${sort}`,
    );
  }
  // By acceleration A (0.1467) still leads B (-1/45).
  assert.deepEqual(
    (await trending(T, "acceleration")).map((x) => x.video_id),
    ["A", "B"],
  );
  assert.deepEqual(
    (await trending(T, "velocity", { category: "Beauty" })).map((x) => [x.video_id, x.total_videos]),
    [["B", 1]],
  );
  assert.deepEqual(
    (await trending(T, "velocity", { creator: "u1" })).map((x) => [x.video_id, x.total_videos]),
    [["A", 1]],
  );
});

test("an earlier bound watermark moves every window with it, whatever the views' watermark says", async () => {
  // At T' = T - 1 min: recent = T-16..T-2 -> A 14 * 4 + 2 = 58; previous = T-31..T-17 -> 14 * 2 + 1000 = 1028.
  const r = await trending(T - MIN, "velocity");
  const a = r.find((x) => x.video_id === "A")!;
  close(a.velocity_score, 58 / 15, "A velocity at T'");
  close(a.acceleration, (58 - 1028) / 225, "A acceleration at T'");
  assert.equal(a.watermark_ms, T - MIN);
  // B's 5 plays at T-2 are still recent; C is banned whatever the time.
  assert.deepEqual(
    r.map((x) => x.video_id),
    ["A", "B"],
  );
});

type Summary = {
  known: boolean;
  category: string | null;
  status: string;
  upload_ms: number | null;
  velocity_score: number;
  acceleration: number;
  impressions_24h: number;
  plays_24h: number;
  finishes_24h: number;
  likes_24h: number;
  shares_24h: number;
  completion_rate_24h: number | null;
  watermark_ms: number;
};

async function summary(video: string, t: number): Promise<Summary> {
  const r = await rows<Summary>("dashboard", query("video_summary"), { video_id: video, complete_through: at(t), window_minutes: N });
  assert.equal(r.length, 1);
  return r[0]!;
}

test("a video's header at the bound watermark: velocity, last-24h totals with corrections, unknown videos", async () => {
  // A over [T - 24 h, T): 32 rows (T-31..T-1 and the correction); the day-before row and the open minute fall outside.
  const a = await summary("A", T);
  close(a.velocity_score, 4.2, "A velocity");
  close(a.acceleration, (4.2 - 2) / 15, "A acceleration");
  assert.deepEqual(
    [a.known, a.category, a.status, a.upload_ms, a.impressions_24h, a.plays_24h, a.finishes_24h, a.likes_24h, a.shares_24h, a.watermark_ms],
    [true, "Gaming", "active", T - 48 * HOUR, 320, 15 * 4 + 3 + 15 * 2 + 1000, 64, 32, 0, T],
  );
  close(a.completion_rate_24h!, 64 / 1093, "A completion");
  // C is banned but has a page: 6 plays at T-16 (previous window only).
  const c = await summary("C", T);
  assert.deepEqual([c.known, c.status, c.plays_24h], [true, "banned", 6]);
  close(c.velocity_score, 0, "C velocity");
  close(c.acceleration, -6 / 225, "C acceleration");
  // D has no dimension row and only the open minute: unknown, zeros, no completion rate.
  const d = await summary("D", T);
  assert.deepEqual([d.known, d.velocity_score, d.acceleration, d.plays_24h, d.completion_rate_24h], [false, 0, 0, 0, null]);
  // At T' = T - 1 min: as in the trending test, A's recent plays are 58 and the previous 1028.
  const earlier = await summary("A", T - MIN);
  close(earlier.velocity_score, 58 / 15, "A velocity at T'");
  close(earlier.acceleration, (58 - 1028) / 225, "A acceleration at T'");
  assert.equal(earlier.plays_24h, 1093 - 7);
});

test("a video's header agrees with gold.rt_video_velocity at the same watermark", async () => {
  const view = await rows<{ video_id: string; velocity_score: number; acceleration: number }>(
    "dashboard",
    "SELECT video_id, velocity_score, acceleration FROM lakehouse.gold.rt_video_velocity ORDER BY video_id",
  );
  assert.deepEqual(
    view.map((v) => v.video_id),
    ["A", "B", "C"],
  );
  for (const v of view) {
    const s = await summary(v.video_id, T);
    assert.deepEqual([s.velocity_score, s.acceleration], [v.velocity_score, v.acceleration], v.video_id);
  }
});
