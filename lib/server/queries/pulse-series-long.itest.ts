/**
 * The Pulse chart beyond a day (sql/queries/pulse_platform_series_long.sql: whole quarter-hours from
 * the rollup gold.rt_platform_15min, the partial ones at the edges from the RT log) against the real
 * Trino: it returns exactly the rows of the minute grid (pulse_platform_series.sql, bucket 'hour') on
 * a range of more than two days with uneven edges, in zones whose hours start at :30 and :45 UTC, and
 * the hand-computed numbers below.
 *
 * Fixture (UTC; T = 2026-11-20 12:07, the watermark; V1, V2 videos; "b" = batch_id):
 *   11-18 09:30 V1 imp 50 b1              before the range (lo = 11-18 09:52)
 *   11-18 09:51 V1 imp 100 b1             before the range, in lo's quarter-hour (its rollup row is partial)
 *   11-18 09:52 V1 imp 3 play 2 fin 1 b1  left edge [09:52, 10:00)
 *   11-18 09:59 V2 imp 5 like 1 b2        left edge
 *   11-18 10:00 V1 imp 10 play 4 fin 2 b1, and a correction row imp 1 b3 (a late event)
 *   11-18 10:14 V2 imp 7 share 1 b2
 *   11-18 10:31 V1 play 6 fin 3 b2
 *   11-19 00:00 V1 imp 20 play 5 fin 5 b3
 *   11-19 18:20 V1 imp 9 play 3 b4        a batch the rollup does not hold yet (read from the log)
 *   11-19 18:25 V2 imp 4 (no batch_id)    another writer's row (read from the log)
 *   11-20 11:59 V1 imp 8 b3
 *   11-20 12:06 V1 imp 2 play 1 b3        right edge [12:00, T)
 *   11-20 12:07 V1 imp 1000 b3            at T: not closed, never counted
 * The rollup holds batches 1-3 (sql/jobs/rt_rollup_insert.sql, as the micro-batch writes it).
 * Asia/Kolkata (UTC+05:30) hours run from :30 to :30 UTC; the range [11-18 09:52, T) spans 3,015
 * minutes in 51 of them, 11-18 09:30 through 11-20 11:30 UTC:
 *   09:30 (15:00 IST): 38 min (09:52-10:29), imp 3+5+10+1+7 = 26, play 6, fin 3, like 1, share 1, completion 0.5
 *   10:30 (16:00 IST): 60 min, play 6, fin 3, completion 0.5
 *   11-18 23:30 (11-19 05:00 IST): imp 20, play 5, fin 5, completion 1
 *   11-19 17:30 (23:00 IST): imp 9 + 4 = 13, play 3, completion 0
 *   11-20 11:30 (17:00 IST): 37 min (11:30-12:06), imp 8 + 2 = 10, play 1, completion 0
 *   every other hour: 60 min of zeros, completion NULL.
 */
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { before, test } from "node:test";
import { insertRows, q, requireTestInstance, rows, testInstance } from "../../../tools/testing/trino-fixtures";
import { connectionFor } from "../../lakehouse/connection";
import { REPO_ROOT } from "../../lakehouse/settings";
import { runJob } from "../../pipeline/job-sql";
import { type SqlParams, type SqlValue, sqlInstant } from "../../trino/bind";
import { statementOf } from "../../trino/sql-text";

const MIN = 60_000;
const HOUR = 60 * MIN;
const utc = (d: number, h: number, m: number) => Date.UTC(2026, 10, d, h, m);
const T = utc(20, 12, 7);
const LO = utc(18, 9, 52);
const at = (ms: number) => sqlInstant(new Date(ms));

type SeriesRow = {
  bucket_ms: number;
  minutes: number;
  impressions: number;
  play_start: number;
  play_finish: number;
  likes: number;
  shares: number;
  completion_rate: number | null;
  watermark_ms: number;
};

const query = (name: string) => statementOf(`${name}.sql`, fs.readFileSync(path.join(REPO_ROOT, "sql", "queries", `${name}.sql`), "utf8"));
const custom = (fromMs: number, toMs: number): SqlParams => ({ range_minutes: 0, range_start: at(fromMs), range_end: at(toMs) });
/** Today's hour path: a dense grid of minutes over the RT log. */
const minuteGrid = (range: SqlParams, tz: string) => rows<SeriesRow>("dashboard", query("pulse_platform_series"), { ...range, bucket: "hour", tz });
/** The statement under test. */
const fromRollup = (range: SqlParams, tz: string) => rows<SeriesRow>("dashboard", query("pulse_platform_series_long"), { ...range, tz });

// video, window, impressions, likes, shares, play_start, play_finish, batch_id
type Row = [string, number, number, number, number, number, number, number | null];
const FIXTURE: Row[] = [
  ["V1", utc(18, 9, 30), 50, 0, 0, 0, 0, 1],
  ["V1", utc(18, 9, 51), 100, 0, 0, 0, 0, 1],
  ["V1", utc(18, 9, 52), 3, 0, 0, 2, 1, 1],
  ["V2", utc(18, 9, 59), 5, 1, 0, 0, 0, 2],
  ["V1", utc(18, 10, 0), 10, 0, 0, 4, 2, 1],
  ["V1", utc(18, 10, 0), 1, 0, 0, 0, 0, 3],
  ["V2", utc(18, 10, 14), 7, 0, 1, 0, 0, 2],
  ["V1", utc(18, 10, 31), 0, 0, 0, 6, 3, 2],
  ["V1", utc(19, 0, 0), 20, 0, 0, 5, 5, 3],
  ["V1", utc(19, 18, 20), 9, 0, 0, 3, 0, 4],
  ["V2", utc(19, 18, 25), 4, 0, 0, 0, 0, null],
  ["V1", utc(20, 11, 59), 8, 0, 0, 0, 0, 3],
  ["V1", utc(20, 12, 6), 2, 0, 0, 1, 0, 3],
  ["V1", utc(20, 12, 7), 1000, 0, 0, 0, 0, 3],
];

const writer = () => connectionFor(testInstance, "writer");
/** The micro-batch's rollup write (step 3 of lib/pipeline/rt/microbatch.ts): the rows it added. */
const rollUp = async (batchId: number) => Number((await runJob<{ rows: number }>(writer(), "rt_rollup_insert", { batch_id: batchId })).rows[0]!.rows);

before(async () => {
  requireTestInstance();
  for (const t of ["gold.rt_video_stats_1min", "gold.rt_platform_15min", "meta.job_checkpoints"]) await q("admin", `DELETE FROM lakehouse.${t}`);
  await insertRows(
    "lakehouse.gold.rt_video_stats_1min",
    ["video_id", "window_start", "impressions", "likes", "shares", "play_start", "play_finish", "batch_id"],
    FIXTURE.map(([v, w, ...counters]): SqlValue[] => [v, at(w), ...counters]),
  );
  await insertRows(
    "lakehouse.meta.job_checkpoints",
    ["job", "batch_id", "state", "complete_through", "recorded_at"],
    [["rt_video_stats_1min", 4, "committed", at(T), at(T + 30_000)]],
  );
  assert.equal(await rollUp(3), 10);
});

test("the rollup holds batches 1-3 per quarter-hour, exactly their log rows' sums", async () => {
  const rolled = await rows<{ w: number; batch_id: number; impressions: number; play_start: number }>(
    "admin",
    "SELECT to_unixtime(window_start) * 1000 AS w, batch_id, impressions, play_start FROM lakehouse.gold.rt_platform_15min ORDER BY 1, 2",
  );
  assert.deepEqual(rolled, [
    { w: utc(18, 9, 30), batch_id: 1, impressions: 50, play_start: 0 },
    { w: utc(18, 9, 45), batch_id: 1, impressions: 103, play_start: 2 },
    { w: utc(18, 9, 45), batch_id: 2, impressions: 5, play_start: 0 },
    { w: utc(18, 10, 0), batch_id: 1, impressions: 10, play_start: 4 },
    { w: utc(18, 10, 0), batch_id: 2, impressions: 7, play_start: 0 },
    { w: utc(18, 10, 0), batch_id: 3, impressions: 1, play_start: 0 },
    { w: utc(18, 10, 30), batch_id: 2, impressions: 0, play_start: 6 },
    { w: utc(19, 0, 0), batch_id: 3, impressions: 20, play_start: 5 },
    { w: utc(20, 11, 45), batch_id: 3, impressions: 8, play_start: 0 },
    { w: utc(20, 12, 0), batch_id: 3, impressions: 1002, play_start: 1 },
  ]);
});

test("Asia/Kolkata over 2 days 2 h 15 min: the hand-computed hours, and exactly the minute grid's rows", async () => {
  const got = await fromRollup(custom(LO, utc(20, 12, 40)), "Asia/Kolkata");
  assert.deepEqual(got, await minuteGrid(custom(LO, utc(20, 12, 40)), "Asia/Kolkata"));
  assert.equal(got.length, 51);
  assert.equal(
    got.reduce((n, r) => n + r.minutes, 0),
    3015,
  );
  assert.deepEqual([got.reduce((n, r) => n + r.impressions, 0), got.reduce((n, r) => n + r.play_start, 0)], [69, 21]);
  assert.ok(got.every((r) => r.watermark_ms === T));
  const hour = (ms: number) => got.find((r) => r.bucket_ms === ms);
  const h = (ms: number, minutes: number, imp: number, play: number, fin: number, likes: number, shares: number, completion: number | null): SeriesRow => ({
    bucket_ms: ms,
    minutes,
    impressions: imp,
    play_start: play,
    play_finish: fin,
    likes,
    shares,
    completion_rate: completion,
    watermark_ms: T,
  });
  assert.deepEqual(got[0], h(utc(18, 9, 30), 38, 26, 6, 3, 1, 1, 0.5));
  assert.deepEqual(hour(utc(18, 10, 30)), h(utc(18, 10, 30), 60, 0, 6, 3, 0, 0, 0.5));
  assert.deepEqual(hour(utc(18, 11, 30)), h(utc(18, 11, 30), 60, 0, 0, 0, 0, 0, null));
  assert.deepEqual(hour(utc(18, 23, 30)), h(utc(18, 23, 30), 60, 20, 5, 5, 0, 0, 1));
  assert.deepEqual(hour(utc(19, 17, 30)), h(utc(19, 17, 30), 60, 13, 3, 0, 0, 0, 0));
  assert.deepEqual(got.at(-1), h(utc(20, 11, 30), 37, 10, 1, 0, 0, 0, 0));
});

test("other zones and edges: the same rows as the minute grid", async () => {
  const cases: [string, SqlParams, string][] = [
    ["UTC, both edges inside a quarter-hour", custom(LO, utc(20, 11, 53)), "UTC"],
    ["Asia/Kathmandu (+05:45)", custom(utc(18, 9, 51), utc(20, 11, 53)), "Asia/Kathmandu"],
    ["America/St_Johns (-03:30)", custom(utc(18, 10, 0), T), "America/St_Johns"],
    ["a preset counted back from T", { range_minutes: 2 * 24 * 60, range_start: null, range_end: null }, "Asia/Kolkata"],
    ["within one quarter-hour: edges only", custom(utc(18, 9, 51), utc(18, 9, 59)), "Asia/Kolkata"],
    ["across one quarter boundary, no whole quarter", custom(utc(18, 9, 52), utc(18, 10, 14)), "UTC"],
    ["after T: nothing", custom(T, T + HOUR), "UTC"],
  ];
  for (const [what, range, tz] of cases) assert.deepEqual(await fromRollup(range, tz), await minuteGrid(range, tz), what);
  assert.deepEqual(await fromRollup(custom(T, T + HOUR), "UTC"), []);
});

test("the longest range, 7 days (10,080 minutes): one row per hour, every minute and every closed row counted once", async () => {
  const range = custom(T - 7 * 24 * HOUR, T);
  const got = await fromRollup(range, "Asia/Kolkata");
  // 11-13 12:07 to 11-20 12:07 UTC: Kolkata hours from 11-13 11:30 to 11-20 11:30 UTC, 7 x 24 + 1 of them.
  assert.equal(got.length, 7 * 24 + 1);
  assert.deepEqual([got[0]!.bucket_ms, got.at(-1)!.bucket_ms], [utc(13, 11, 30), utc(20, 11, 30)]);
  assert.deepEqual([got[0]!.minutes, got.at(-1)!.minutes], [23, 37]);
  const sum = (f: (r: SeriesRow) => number) => got.reduce((n, r) => n + f(r), 0);
  // Every fixture row but the one at T: 50 + 100 + 3 + 5 + 10 + 1 + 7 + 20 + 9 + 4 + 8 + 2 impressions.
  assert.deepEqual([sum((r) => r.minutes), sum((r) => r.impressions), sum((r) => r.play_start)], [10_080, 219, 21]);
  // Why the minute grid is not used here: Trino's sequence() stops at 10,000 entries.
  await assert.rejects(minuteGrid(range, "Asia/Kolkata"), /sequence function must not have more than 10000 entries/);
});

test("zones with DST, empty ranges: the same hours and minutes as the minute grid", async () => {
  // Europe/Berlin leaves summer time on 2026-10-25 (02:00-03:00 twice); Lord Howe Island moves by 30 minutes on 2026-10-04.
  const cases: [SqlParams, string][] = [
    [custom(Date.UTC(2026, 9, 23, 22, 7), Date.UTC(2026, 9, 26, 1, 44)), "Europe/Berlin"],
    [custom(Date.UTC(2026, 9, 2, 13, 1), Date.UTC(2026, 9, 5, 4, 59)), "Australia/Lord_Howe"],
  ];
  for (const [range, tz] of cases) {
    const got = await fromRollup(range, tz);
    assert.deepEqual(got, await minuteGrid(range, tz), tz);
    assert.ok(got.length > 48 && got.every((r) => r.impressions === 0 && r.completion_rate === null), tz);
  }
});

test("rolling up the batch the rollup lacked changes no number, and a second roll-up adds nothing", async () => {
  const range = custom(LO, utc(20, 12, 40));
  const before = await fromRollup(range, "Asia/Kolkata");
  assert.deepEqual([await rollUp(4), await rollUp(4)], [1, 0]);
  const [r] = await rows<{ n: number; imp: number }>(
    "admin",
    "SELECT count(*) AS n, sum(impressions) AS imp FROM lakehouse.gold.rt_platform_15min WHERE batch_id = 4",
  );
  assert.deepEqual(r, { n: 1, imp: 9 });
  assert.deepEqual(await fromRollup(range, "Asia/Kolkata"), before);
  assert.deepEqual(await minuteGrid(range, "Asia/Kolkata"), before);
});
