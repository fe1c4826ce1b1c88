/**
 * The micro-batch against the real Trino: duplicates and late events, its platform rollup
 * (gold.rt_platform_15min), and crashes between the Gold write, the rollup write and the checkpoint
 * that, after a re-run, lose and duplicate nothing in the log or the rollup.
 *
 * Fixture (B = 2026-11-20 10:00 UTC; "ingested" = delivery time written to Bronze):
 *   e1 impression  V1 at B+5s   ingested B+70s, and again (duplicate) at B+75s
 *   e2 play_start  V1 at B+10s  ingested B+70s, and again (duplicate) at B+130s (after batch 1)
 *   e3 like        V1 at B+20s  ingested B+70s
 *   e4 impression  V2 at B+30s  ingested B+70s
 *   e5 play_finish V1 at B+65s  ingested B+130s
 *   e6 impression  V1 at B+10s  ingested B+190s (late: its window B was written by batch 1)
 * Batch 1 (through B+80s): V1@B {imp 1, like 1, play 1}, V2@B {imp 1}.
 * Batch 2 (through B+200s): V1@B+1m {finish 1}, V1@B {imp 1} (a correction row); e2's copy skipped.
 * Six distinct events in all, each counted exactly once.
 * Rollup (every row in the quarter-hour B): batch 1 {imp 2, like 1, play 1}, batch 2 {imp 1, finish 1};
 * its sums, imp 3, like 1, share 0, play 1, finish 1, are the log's.
 */
import assert from "node:assert/strict";
import { before, beforeEach, test } from "node:test";
import { type BronzeEvent, writeBronze } from "../../../tools/testing/bronze-writer";
import { singleNodeTest } from "../../../tools/testing/single-node-test";
import { insertRows, q, requireTestInstance, rows, testInstance } from "../../../tools/testing/trino-fixtures";
import { connectionFor } from "../../lakehouse/connection";
import { sqlInstant } from "../../trino/bind";
import { COMMIT_SAFETY_MS, runMicroBatch, SimulatedCrash } from "./microbatch";

const B = Date.UTC(2026, 10, 20, 10, 0, 0);
const S = 1000;
const writer = () => connectionFor(testInstance, "writer");
const ev = (id: string, type: string, video: string, tsMs: number): BronzeEvent => ({
  event_id: id,
  event_timestamp: tsMs,
  video_id: video,
  user_id: "u1",
  event_type: type,
  raw_payload: JSON.stringify({ device_model: "Pixel 8", network: "wifi", app_ver: "8.2.0", watch_time_ms: 0 }),
});
const nowFor = (throughMs: number) => throughMs + COMMIT_SAFETY_MS;

async function deliver(): Promise<void> {
  const batch: [BronzeEvent, number][] = [
    [ev("e1", "impression", "V1", B + 5 * S), B + 70 * S],
    [ev("e2", "play_start", "V1", B + 10 * S), B + 70 * S],
    [ev("e3", "like", "V1", B + 20 * S), B + 70 * S],
    [ev("e4", "impression", "V2", B + 30 * S), B + 70 * S],
    [ev("e1", "impression", "V1", B + 5 * S), B + 75 * S],
    [ev("e5", "play_finish", "V1", B + 65 * S), B + 130 * S],
    [ev("e2", "play_start", "V1", B + 10 * S), B + 130 * S],
    [ev("e6", "impression", "V1", B + 10 * S), B + 190 * S],
  ];
  await writeBronze(
    writer(),
    batch.map(([e]) => e),
    batch.map(([, t]) => t),
  );
}

type GoldRow = {
  video_id: string;
  minute: number;
  impressions: number;
  likes: number;
  shares: number;
  play_start: number;
  play_finish: number;
  batch_id: number;
};
const gold = () =>
  rows<GoldRow>(
    "admin",
    `SELECT video_id, CAST(to_unixtime(window_start) - :b AS bigint) / 60 AS minute, impressions, likes, shares, play_start, play_finish, batch_id
     FROM lakehouse.gold.rt_video_stats_1min ORDER BY batch_id, video_id, window_start`,
    { b: B / 1000 },
  );
const g = (video_id: string, minute: number, imp: number, likes: number, play: number, finish: number, batch_id: number): GoldRow => ({
  video_id,
  minute,
  impressions: imp,
  likes,
  shares: 0,
  play_start: play,
  play_finish: finish,
  batch_id,
});
const EXPECTED = [g("V1", 0, 1, 1, 1, 0, 1), g("V2", 0, 1, 0, 0, 0, 1), g("V1", 0, 1, 0, 0, 0, 2), g("V1", 1, 0, 0, 0, 1, 2)];

type RollupRow = Omit<GoldRow, "video_id">;
const rollup = () =>
  rows<RollupRow>(
    "admin",
    `SELECT CAST(to_unixtime(window_start) - :b AS bigint) / 60 AS minute, impressions, likes, shares, play_start, play_finish, batch_id
     FROM lakehouse.gold.rt_platform_15min ORDER BY batch_id, window_start`,
    { b: B / 1000 },
  );
const EXPECTED_ROLLUP: RollupRow[] = [
  { minute: 0, impressions: 2, likes: 1, shares: 0, play_start: 1, play_finish: 0, batch_id: 1 },
  { minute: 0, impressions: 1, likes: 0, shares: 0, play_start: 0, play_finish: 1, batch_id: 2 },
];
const COUNTERS = "sum(impressions) AS impressions, sum(likes) AS likes, sum(shares) AS shares, sum(play_start) AS play_start, sum(play_finish) AS play_finish";
/** The rollup's rows are the hand-computed ones, and its sums the log's. */
async function assertRollupMatchesLog(expected: RollupRow[] = EXPECTED_ROLLUP): Promise<void> {
  assert.deepEqual(await rollup(), expected);
  const [log] = await rows("admin", `SELECT ${COUNTERS} FROM lakehouse.gold.rt_video_stats_1min`);
  const [rolled] = await rows("admin", `SELECT ${COUNTERS} FROM lakehouse.gold.rt_platform_15min`);
  assert.deepEqual(rolled, log);
  assert.deepEqual(rolled, { impressions: 3, likes: 1, shares: 0, play_start: 1, play_finish: 1 });
}

before(requireTestInstance);
beforeEach(async () => {
  for (const t of ["bronze.raw_events", "gold.rt_video_stats_1min", "gold.rt_platform_15min", "meta.job_checkpoints", "dims.dim_videos"]) {
    await q("admin", `DELETE FROM lakehouse.${t}`);
  }
  await insertRows(
    "lakehouse.dims.dim_videos",
    ["video_id", "category", "upload_time", "status"],
    [
      ["V1", "Gaming", sqlInstant(new Date(B - 3_600_000)), "active"],
      ["V2", "Pets", sqlInstant(new Date(B - 7_200_000)), "active"],
    ],
  );
  await deliver();
});

test("two batches count every event once: duplicates skipped, a late event becomes a correction row", async () => {
  const b1 = await runMicroBatch(writer(), { nowMs: nowFor(B + 80 * S) });
  assert.deepEqual([b1.batchId, b1.rowsWritten, b1.eventsCounted, b1.completeThroughMs], [1, 2, 4, B]);
  const b2 = await runMicroBatch(writer(), { nowMs: nowFor(B + 200 * S) });
  assert.deepEqual([b2.batchId, b2.rowsWritten, b2.eventsCounted, b2.completeThroughMs, b2.rollupRows], [2, 2, 2, B + 2 * 60 * S, 1]);
  assert.deepEqual(await gold(), EXPECTED);
  await assertRollupMatchesLog();
  const [up] = await rows<{ ms: number }>(
    "admin",
    "SELECT DISTINCT to_unixtime(upload_ts) * 1000 AS ms FROM lakehouse.gold.rt_video_stats_1min WHERE video_id = 'V1'",
  );
  assert.equal(up!.ms, B - 3_600_000);
  // The view adds the correction row to its window.
  const v = await rows<{ video_id: string; impressions: number; source_rows: number }>(
    "dashboard",
    "SELECT video_id, impressions, source_rows FROM lakehouse.gold.rt_video_minute WHERE window_start = :w ORDER BY video_id",
    { w: sqlInstant(new Date(B)) },
  );
  assert.deepEqual(v, [
    { video_id: "V1", impressions: 2, source_rows: 2 },
    { video_id: "V2", impressions: 1, source_rows: 1 },
  ]);
  const [w] = await rows<{ ms: number }>("dashboard", "SELECT to_unixtime(complete_through) * 1000 AS ms FROM lakehouse.gold.rt_watermark");
  assert.equal(w!.ms, B + 2 * 60 * S);
});

test("a crash after the Gold write and before the rollup: the re-run rolls up and commits without rewriting", async () => {
  await runMicroBatch(writer(), { nowMs: nowFor(B + 80 * S) });
  await assert.rejects(runMicroBatch(writer(), { nowMs: nowFor(B + 200 * S), crashAfterGoldWrite: true }), SimulatedCrash);
  const [cp] = await rows<{ states: string }>(
    "admin",
    "SELECT array_join(array_agg(state ORDER BY recorded_at), ',') AS states FROM lakehouse.meta.job_checkpoints WHERE batch_id = 2",
  );
  assert.equal(cp!.states, "started");
  assert.deepEqual(await rollup(), EXPECTED_ROLLUP.slice(0, 1), "batch 2 is in Gold, not yet in the rollup");
  const again = await runMicroBatch(writer(), { nowMs: nowFor(B + 300 * S) });
  assert.deepEqual([again.batchId, again.recovered, again.rowsWritten, again.eventsCounted, again.rollupRows], [2, true, 2, 2, 1]);
  assert.deepEqual(await gold(), EXPECTED);
  await assertRollupMatchesLog();
  // The next run starts after batch 2's range and finds nothing new.
  const next = await runMicroBatch(writer(), { nowMs: nowFor(B + 300 * S) });
  assert.deepEqual([next.batchId, next.recovered, next.rowsWritten], [3, false, 0]);
  assert.deepEqual(await gold(), EXPECTED);
  await assertRollupMatchesLog();
});

singleNodeTest("a crash after the rollup write and before the checkpoint: the re-run commits without rewriting either", async () => {
  await runMicroBatch(writer(), { nowMs: nowFor(B + 80 * S) });
  await assert.rejects(runMicroBatch(writer(), { nowMs: nowFor(B + 200 * S), crashAfterRollupWrite: true }), SimulatedCrash);
  assert.deepEqual(await rollup(), EXPECTED_ROLLUP);
  const again = await runMicroBatch(writer(), { nowMs: nowFor(B + 300 * S) });
  assert.deepEqual([again.batchId, again.recovered, again.rowsWritten, again.eventsCounted, again.rollupRows], [2, true, 2, 2, 0]);
  assert.deepEqual(await gold(), EXPECTED);
  await assertRollupMatchesLog();
});

singleNodeTest("a log written before the rollup existed: the next batch rolls up the whole log once", async () => {
  await runMicroBatch(writer(), { nowMs: nowFor(B + 80 * S) });
  // Batch 1 as an older Pulse wrote it: in the log, not in the rollup.
  await q("admin", "DELETE FROM lakehouse.gold.rt_platform_15min");
  const b2 = await runMicroBatch(writer(), { nowMs: nowFor(B + 200 * S) });
  // Batch 1's row and batch 2's, in one commit.
  assert.deepEqual([b2.batchId, b2.rowsWritten, b2.rollupRows], [2, 2, 2]);
  await assertRollupMatchesLog();
  const idle = await runMicroBatch(writer(), { nowMs: nowFor(B + 300 * S) });
  assert.deepEqual([idle.batchId, idle.rowsWritten, idle.rollupRows], [3, 0, 0]);
  await assertRollupMatchesLog();
});

test("a crash before the Gold write: the re-run writes the interrupted batch over its own range", async () => {
  await runMicroBatch(writer(), { nowMs: nowFor(B + 80 * S) });
  await insertRows(
    "lakehouse.meta.job_checkpoints",
    ["job", "batch_id", "state", "ingested_from", "ingested_through", "complete_through", "recorded_at"],
    [
      [
        "rt_video_stats_1min",
        2,
        "started",
        sqlInstant(new Date(B + 80 * S)),
        sqlInstant(new Date(B + 200 * S)),
        sqlInstant(new Date(B + 120 * S)),
        sqlInstant(new Date()),
      ],
    ],
  );
  const again = await runMicroBatch(writer(), { nowMs: nowFor(B + 999 * S) });
  assert.deepEqual([again.batchId, again.recovered, again.rowsWritten, again.eventsCounted, again.rollupRows], [2, true, 2, 2, 1]);
  assert.deepEqual(await gold(), EXPECTED);
  await assertRollupMatchesLog();
});

test("re-running with no new deliveries changes nothing", async () => {
  await runMicroBatch(writer(), { nowMs: nowFor(B + 200 * S) });
  const before = await gold();
  const r = await runMicroBatch(writer(), { nowMs: nowFor(B + 200 * S) });
  assert.equal(r.skipped, true);
  assert.deepEqual(await gold(), before);
  // One batch: all six events in one rollup row.
  await assertRollupMatchesLog([{ minute: 0, impressions: 3, likes: 1, shares: 0, play_start: 1, play_finish: 1, batch_id: 1 }]);
  const [total] = await rows<{ n: number }>(
    "admin",
    "SELECT sum(impressions + likes + shares + play_start + play_finish) AS n FROM lakehouse.gold.rt_video_stats_1min",
  );
  assert.equal(total!.n, 6);
});
