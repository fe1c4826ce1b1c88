/**
 * The dashboard's watermark and health statements against the real Trino, on hand-written
 * meta.job_checkpoints rows: before any micro-batch has committed they report "loading" with the
 * running seed's days (written by the seed's own job statement, as pulse_writer) and no
 * watermark; once a checkpoint is committed they report its complete_through exactly.
 */
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { before, beforeEach, test } from "node:test";
import { insertRows, q, requireTestInstance, rows, testInstance, trinoMinuteNow } from "../../../tools/testing/trino-fixtures";
import { connectionFor } from "../../lakehouse/connection";
import { REPO_ROOT } from "../../lakehouse/settings";
import { recordSeedProgress, type SeedRun } from "../../pipeline/runner/seed-progress";
import { sqlInstant } from "../../trino/bind";
import { statementOf } from "../../trino/sql-text";
import { rtWatermarkOf } from "./rt-progress-row";

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

const query = (name: string) => statementOf(`${name}.sql`, fs.readFileSync(path.join(REPO_ROOT, "sql", "queries", `${name}.sql`), "utf8"));
const watermark = async () => rtWatermarkOf(await rows("dashboard", query("rt_watermark")));
const health = async () => (await rows<Record<string, number | null>>("dashboard", query("health_freshness")))[0]!;

// An 8-day seed started 2026-11-24 02:14:30 UTC: history from 2026-11-16 00:00 to then.
const H0 = Date.UTC(2026, 10, 16);
const RUN: SeedRun = { runId: Date.UTC(2026, 10, 24, 2, 14, 30), historyFromMs: H0, historyUntilMs: Date.UTC(2026, 10, 24, 2, 14, 30) };
const writer = () => connectionFor(testInstance, "writer");

/** The rows the seed writes after 3 days of Bronze: 0, 1, 2, 3 days written. */
async function seedThreeOfEight(): Promise<void> {
  for (let d = 0; d <= 3; d++) await recordSeedProgress(writer(), RUN, H0 + d * DAY, d * 1000, "started");
}

before(requireTestInstance);
beforeEach(() => q("admin", "DELETE FROM lakehouse.meta.job_checkpoints"));

test("empty lakehouse: loading, no seed running, no watermark (not the clock)", async () => {
  assert.deepEqual(await watermark(), { state: "loading", watermark: null, firstCommit: null, seed: null, batchId: null, dailyVersion: null });
  const h = await health();
  assert.equal(h.rt_complete_through_ms, null);
  assert.equal(h.rt_last_commit_ms, null);
  assert.equal(h.seed_days_done, null);
  assert.equal(h.seed_days_total, null);
});

test("no RT checkpoint, seed 3 of 8 days: loading with 3/8", async () => {
  await seedThreeOfEight();
  assert.deepEqual(await watermark(), {
    state: "loading",
    watermark: null,
    firstCommit: null,
    seed: { daysDone: 3, daysTotal: 8 },
    batchId: null,
    dailyVersion: null,
  });
  const h = await health();
  assert.equal(h.rt_complete_through_ms, null);
  assert.equal(h.seed_days_done, 3);
  assert.equal(h.seed_days_total, 8);
  // The last Bronze slice ends at the run's end, not a midnight: still whole days, 8 of 8.
  await recordSeedProgress(writer(), RUN, RUN.historyUntilMs, 9000, "started");
  assert.deepEqual((await watermark()).seed, { daysDone: 8, daysTotal: 8 });
});

test("a committed checkpoint: complete through exactly its complete_through; the seed shows only while running", async () => {
  await seedThreeOfEight();
  const T = (await trinoMinuteNow()) - HOUR;
  const recorded = T + 30_000;
  await insertRows(
    "lakehouse.meta.job_checkpoints",
    ["job", "batch_id", "state", "complete_through", "recorded_at"],
    [
      ["rt_video_stats_1min", 1, "started", null, sqlInstant(new Date(recorded - 5_000))],
      ["rt_video_stats_1min", 1, "committed", sqlInstant(new Date(T)), sqlInstant(new Date(recorded))],
    ],
  );
  assert.deepEqual(await watermark(), {
    state: "complete",
    watermark: T,
    firstCommit: recorded,
    seed: { daysDone: 3, daysTotal: 8 },
    batchId: 1,
    dailyVersion: null,
  });
  const h = await health();
  assert.equal(h.rt_complete_through_ms, T);
  assert.equal(h.rt_last_commit_ms, recorded);
  await recordSeedProgress(writer(), RUN, RUN.historyUntilMs, 9000, "committed");
  assert.deepEqual(await watermark(), { state: "complete", watermark: T, firstCommit: recorded, seed: null, batchId: 1, dailyVersion: null });
  assert.equal((await health()).seed_days_done, null);
});

test("the live hub's versions: the newest committed batch and the newest daily build", async () => {
  const T = (await trinoMinuteNow()) - HOUR;
  const built = T - 10 * MIN;
  await insertRows(
    "lakehouse.meta.job_checkpoints",
    ["job", "batch_id", "state", "complete_through", "recorded_at"],
    [
      ["rt_video_stats_1min", 7, "committed", sqlInstant(new Date(T - MIN)), sqlInstant(new Date(T - 30_000))],
      ["rt_video_stats_1min", 8, "committed", sqlInstant(new Date(T)), sqlInstant(new Date(T + 30_000))],
      // Started but not committed: not yet a version.
      ["rt_video_stats_1min", 9, "started", null, sqlInstant(new Date(T + 60_000))],
      ["silver_daily", 20261123, "committed", sqlInstant(new Date(Date.UTC(2026, 10, 24))), sqlInstant(new Date(built - MIN))],
      ["gold_daily", 20261123, "committed", sqlInstant(new Date(Date.UTC(2026, 10, 24))), sqlInstant(new Date(built))],
    ],
  );
  const w = await watermark();
  assert.equal(w.batchId, 8);
  assert.equal(w.watermark, T);
  assert.equal(w.dailyVersion, built);
});

test("only the newest seed run counts", async () => {
  await recordSeedProgress(writer(), { ...RUN, runId: RUN.runId - DAY }, H0 + 5 * DAY, 5000, "started");
  await seedThreeOfEight();
  assert.deepEqual((await watermark()).seed, { daysDone: 3, daysTotal: 8 });
});
