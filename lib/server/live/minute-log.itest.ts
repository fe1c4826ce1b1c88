/**
 * The live minute logs against the real Trino: a log fed batch by batch with only each batch's rows
 * (rt_log_rows_delta.sql, the statement minute-statement.ts picks for one batch) equals the full
 * recompute (rt_minutes_delta.sql), and answers exactly
 * what the dashboard's statements answer: pulse_platform_series.sql (minute path), pulse_kpis.sql
 * and video_minute_series.sql.
 *
 * Fixture (B = 2026-11-20 10:00 UTC; event at -> delivered at):
 *   e1 play_start  V1 B+5s   -> B+70s     e5 like        V1 B+15s  -> B+190s (late: minute B)
 *   e2 impression  V1 B+10s  -> B+70s     e6 play_start  V1 B+150s -> B+260s
 *   e3 play_finish V2 B+65s  -> B+130s    e7 impression  V2 B+20s  -> B+260s (late: minute B)
 *   e4 play_start  V2 B+70s  -> B+190s
 * Batches (run "at" through + COMMIT_SAFETY; complete through floor((through - 30 s) / 1 min)):
 *   1 through B+80s: e1 e2, T = B;   2 through B+200s: e3 e4 e5, T = B+2m;   3 through B+320s: e6 e7, T = B+4m.
 * Platform minutes after batch 3 (impressions, plays, finishes, likes, shares):
 *   B (2, 1, 0, 1, 0)   B+1m (0, 1, 1, 0, 0)   B+2m (0, 1, 0, 0, 0)   B+3m zeros.
 */
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { before, test } from "node:test";
import { type BronzeEvent, writeBronze } from "../../../tools/testing/bronze-writer";
import { insertRows, q, requireTestInstance, rows, testInstance } from "../../../tools/testing/trino-fixtures";
import { MinuteLog, type MinuteRow, videoSeries } from "../../dashboard/minute-log";
import { connectionFor } from "../../lakehouse/connection";
import { REPO_ROOT } from "../../lakehouse/settings";
import { COMMIT_SAFETY_MS, runMicroBatch } from "../../pipeline/rt/microbatch";
import { type SqlParams, sqlInstant } from "../../trino/bind";
import { statementOf } from "../../trino/sql-text";
import { minuteStatement } from "./minute-statement";

const B = Date.UTC(2026, 10, 20, 10, 0, 0);
const S = 1000;
const M = 60_000;
const DAY = 86_400_000;
const writer = () => connectionFor(testInstance, "writer");
const ev = (id: string, type: string, video: string, tsMs: number): BronzeEvent => ({
  event_id: id,
  event_timestamp: tsMs,
  video_id: video,
  user_id: "u1",
  event_type: type,
  raw_payload: JSON.stringify({ device_model: "Pixel 8", network: "wifi", app_ver: "8.2.0", watch_time_ms: 0 }),
});
const query = (name: string) => statementOf(`${name}.sql`, fs.readFileSync(path.join(REPO_ROOT, "sql", "queries", `${name}.sql`), "utf8"));

type DeltaRow = { t_ms: number; impressions: number; play_start: number; play_finish: number; likes: number; shares: number };
async function delta(after: number, through: number, since: number, videoId: string | null): Promise<MinuteRow[]> {
  const r = await rows<DeltaRow>("dashboard", query(minuteStatement(after, through)), {
    after_batch: after,
    through_batch: through,
    since: sqlInstant(new Date(since)),
    video_id: videoId,
  });
  return r.map((x) => ({ t: x.t_ms, impressions: x.impressions, plays: x.play_start, finishes: x.play_finish, likes: x.likes, shares: x.shares }));
}

const SPAN = 2 * DAY;
const platform = new MinuteLog(SPAN);
const N = testInstance.velocityWindowMinutes;
const video = new MinuteLog((24 * 60 + 2 * N) * M);
const batches: { id: number; t: number }[] = [];

before(async () => {
  requireTestInstance();
  for (const t of ["bronze.raw_events", "gold.rt_video_stats_1min", "meta.job_checkpoints", "dims.dim_videos"]) await q("admin", `DELETE FROM lakehouse.${t}`);
  await insertRows(
    "lakehouse.dims.dim_videos",
    ["video_id", "category", "upload_time", "status"],
    [
      ["V1", "Gaming", sqlInstant(new Date(B - 3_600_000)), "active"],
      ["V2", "Pets", sqlInstant(new Date(B - 7_200_000)), "active"],
    ],
  );
  const deliveries: [BronzeEvent, number][] = [
    [ev("e1", "play_start", "V1", B + 5 * S), B + 70 * S],
    [ev("e2", "impression", "V1", B + 10 * S), B + 70 * S],
    [ev("e3", "play_finish", "V2", B + 65 * S), B + 130 * S],
    [ev("e4", "play_start", "V2", B + 70 * S), B + 190 * S],
    [ev("e5", "like", "V1", B + 15 * S), B + 190 * S],
    [ev("e6", "play_start", "V1", B + 150 * S), B + 260 * S],
    [ev("e7", "impression", "V2", B + 20 * S), B + 260 * S],
  ];
  await writeBronze(
    writer(),
    deliveries.map(([e]) => e),
    deliveries.map(([, t]) => t),
  );
  // Batch by batch, each log is fed only the rows of the batch just committed.
  for (const through of [B + 80 * S, B + 200 * S, B + 320 * S]) {
    const r = await runMicroBatch(writer(), { nowMs: through + COMMIT_SAFETY_MS });
    const t = r.completeThroughMs;
    const prev = batches.at(-1);
    batches.push({ id: r.batchId, t });
    for (const [log, videoId] of [
      [platform, null],
      [video, "V1"],
    ] as const) {
      const rowsOf = await delta(prev ? prev.id : -1, r.batchId, t - log.retentionMs, videoId);
      if (!prev) log.reset(rowsOf, r.batchId, t);
      else log.apply({ afterBatch: prev.id, throughBatch: r.batchId, watermarkMs: t, appendOnly: true, rows: rowsOf });
    }
  }
});

test("three batches: watermarks B, B+2m, B+4m; the incremental log equals the full recompute", async () => {
  assert.deepEqual(
    batches.map((b) => [b.id, (b.t - B) / M]),
    [
      [1, 0],
      [2, 2],
      [3, 4],
    ],
  );
  const full = new MinuteLog(SPAN);
  full.reset(await delta(-1, 3, B + 4 * M - SPAN, null), 3, B + 4 * M);
  assert.deepEqual(platform.points(B, B + 4 * M), full.points(B, B + 4 * M));
  const p = (t: number, impressions: number, plays: number, finishes: number, likes: number) => ({
    t: B + t * M,
    minutes: 1,
    impressions,
    plays,
    finishes,
    likes,
    shares: 0,
    completionRate: plays === 0 ? null : finishes / plays,
  });
  assert.deepEqual(platform.points(B, B + 4 * M), [p(0, 2, 1, 0, 1), p(1, 0, 1, 1, 0), p(2, 0, 1, 0, 0), p(3, 0, 0, 0, 0)]);
});

const custom: SqlParams = { range_minutes: 0, range_start: sqlInstant(new Date(B)), range_end: sqlInstant(new Date(B + 4 * M)) };

test("the platform log answers what pulse_platform_series.sql answers (minute buckets)", async () => {
  type SeriesRow = {
    bucket_ms: number;
    minutes: number;
    impressions: number;
    play_start: number;
    play_finish: number;
    likes: number;
    shares: number;
    completion_rate: number | null;
  };
  const sqlRows = await rows<SeriesRow>("dashboard", query("pulse_platform_series"), { ...custom, bucket: "minute", tz: "UTC" });
  assert.deepEqual(
    platform.points(B, B + 4 * M),
    sqlRows.map((r) => ({
      t: r.bucket_ms,
      minutes: r.minutes,
      impressions: r.impressions,
      plays: r.play_start,
      finishes: r.play_finish,
      likes: r.likes,
      shares: r.shares,
      completionRate: r.completion_rate,
    })),
  );
});

test("the platform log's KPIs are pulse_kpis.sql's: 2 impressions, 3 plays, 1 finish, 1 like; nothing a day earlier", async () => {
  const [r] = await rows<Record<string, number | null>>("dashboard", query("pulse_kpis"), custom);
  const k = platform.kpis(B, B + 4 * M);
  assert.deepEqual(k.current, {
    impressions: r!.impressions,
    plays: r!.play_start,
    finishes: r!.play_finish,
    likes: r!.likes,
    shares: r!.shares,
    completionRate: r!.completion_rate,
    likesPer1k: r!.likes_per_1k,
    sharesPer1k: r!.shares_per_1k,
  });
  assert.deepEqual(k.current, { impressions: 2, plays: 3, finishes: 1, likes: 1, shares: 0, completionRate: 1 / 3, likesPer1k: 500, sharesPer1k: 0 });
  assert.equal(k.previous.impressions, 0);
  assert.equal(r!.prev_impressions, 0);
});

test("V1's log answers what video_minute_series.sql answers for the last hour", async () => {
  type VideoRow = {
    minute_ms: number;
    impressions: number;
    play_start: number;
    play_finish: number;
    likes: number;
    shares: number;
    velocity_score: number;
    acceleration: number;
    completion_rate: number | null;
  };
  const sqlRows = await rows<VideoRow>("dashboard", query("video_minute_series"), { video_id: "V1", range_minutes: 60 });
  const fromLog = videoSeries(video, 60, N);
  assert.deepEqual(
    fromLog,
    sqlRows.map((r) => ({
      t: r.minute_ms,
      impressions: r.impressions,
      plays: r.play_start,
      finishes: r.play_finish,
      likes: r.likes,
      shares: r.shares,
      velocity: r.velocity_score,
      acceleration: r.acceleration,
      completionRate: r.completion_rate,
    })),
  );
  // V1 at minute B: one play (e1), the impression e2 and the late like e5; velocity = 1 / N.
  const atB = fromLog.find((m) => m.t === B);
  assert.deepEqual([atB?.plays, atB?.impressions, atB?.likes, atB?.velocity], [1, 1, 1, 1 / N]);
});

test("batches 2 and 3 as the log's rows and as per-minute sums: the same minutes, e3..e7 by hand", async () => {
  const byMinute = (rs: readonly MinuteRow[]) => {
    const m = new Map<number, number[]>();
    for (const r of rs) {
      const s = m.get(r.t) ?? [0, 0, 0, 0, 0];
      m.set(r.t, [s[0]! + r.impressions, s[1]! + r.plays, s[2]! + r.finishes, s[3]! + r.likes, s[4]! + r.shares]);
    }
    return [...m].sort(([a], [b]) => a - b).map(([t, s]) => [(t - B) / M, ...s]);
  };
  const sumsOf = async (name: string) =>
    (await rows<DeltaRow>("dashboard", query(name), { after_batch: 1, through_batch: 3, since: sqlInstant(new Date(B - DAY)), video_id: null })).map((x) => ({
      t: x.t_ms,
      impressions: x.impressions,
      plays: x.play_start,
      finishes: x.play_finish,
      likes: x.likes,
      shares: x.shares,
    }));
  const asRows = await sumsOf("rt_log_rows_delta");
  // Minute B holds two rows: V1's late like (batch 2) and V2's late impression (batch 3).
  assert.equal(asRows.filter((r) => r.t === B).length, 2);
  const expected = [
    [0, 1, 0, 0, 1, 0],
    [1, 0, 1, 1, 0, 0],
    [2, 0, 1, 0, 0, 0],
  ];
  assert.deepEqual(byMinute(asRows), expected);
  assert.deepEqual(byMinute(await sumsOf("rt_minutes_delta")), expected);
});
