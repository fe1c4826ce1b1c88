/**
 * Maintenance on the real Trino, run as the pipeline's writer user: the RT TTL deletes exactly the
 * rows older than 7 days; compaction, snapshot expiry and orphan removal leave the data intact
 * while collapsing the micro-batch's small files and old snapshots.
 */
import assert from "node:assert/strict";
import { before, test } from "node:test";
import { insertRows, q, requireTestInstance, rows, testInstance, trinoMinuteNow } from "../../tools/testing/trino-fixtures";
import { connectionFor } from "../lakehouse/connection";
import { sqlInstant } from "../trino/bind";
import { MAINTAINED_TABLES, runMaintenance, runRtTtl } from "./maintenance";

const DAY = 86_400_000;
const MIN = 60_000;
const COLS = ["video_id", "window_start", "impressions", "likes", "shares", "play_start", "play_finish"];
const writer = () => connectionFor(testInstance, "writer");

before(async () => {
  requireTestInstance();
  await q("admin", "DELETE FROM lakehouse.gold.rt_video_stats_1min");
});

test("the TTL deletes exactly the RT rows older than 7 days", async () => {
  const now = await trinoMinuteNow();
  const row = (video: string, ageMs: number) => [video, sqlInstant(new Date(now - ageMs)), 1, 0, 0, 0, 0];
  await insertRows("lakehouse.gold.rt_video_stats_1min", COLS, [
    row("old1", 8 * DAY),
    row("old2", 7 * DAY + 5 * MIN),
    row("keep1", 7 * DAY - 5 * MIN),
    row("keep2", 6 * DAY),
    row("keep3", 5 * MIN),
  ]);
  assert.equal(await runRtTtl(writer(), 7), 2);
  const left = await rows<{ video_id: string }>("admin", "SELECT video_id FROM lakehouse.gold.rt_video_stats_1min ORDER BY video_id");
  assert.deepEqual(
    left.map((r) => r.video_id),
    ["keep1", "keep2", "keep3"],
  );
});

test("compaction, snapshot expiry and orphan removal keep the data and shrink files and snapshots", async () => {
  const now = await trinoMinuteNow();
  // Five one-row commits into the same (day, bucket) partition: five small files.
  for (let i = 1; i <= 5; i++) {
    await insertRows("lakehouse.gold.rt_video_stats_1min", COLS, [["same", sqlInstant(new Date(now - i * MIN)), i, 0, 0, 0, 0]]);
  }
  const files = async () => (await rows<{ n: number }>("admin", `SELECT count(*) AS n FROM lakehouse.gold."rt_video_stats_1min$files"`))[0]!.n;
  const snapshots = async () => (await rows<{ n: number }>("admin", `SELECT count(*) AS n FROM lakehouse.gold."rt_video_stats_1min$snapshots"`))[0]!.n;
  const total = async () => (await rows<{ n: number }>("admin", "SELECT sum(impressions) AS n FROM lakehouse.gold.rt_video_stats_1min"))[0]!.n;
  const before = { files: await files(), snapshots: await snapshots(), total: await total() };
  assert.ok(before.files >= 5 && before.snapshots >= 5);
  const report = await runMaintenance(writer(), { retention: "0s" });
  assert.equal(report.tables, MAINTAINED_TABLES.length);
  const after = { files: await files(), snapshots: await snapshots(), total: await total() };
  assert.equal(after.total, before.total); // 1+2+3+4+5 plus the rows the TTL test kept
  assert.ok(after.files < before.files, `files ${before.files} -> ${after.files}`);
  assert.equal(after.snapshots, 1);
});
