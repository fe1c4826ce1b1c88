/**
 * Maintenance on the real Trino, run as the pipeline's writer user: the RT TTL deletes exactly the
 * rows older than 7 days; compaction, snapshot expiry and orphan removal leave the data intact
 * while collapsing the micro-batch's small files and old snapshots and deleting a planted orphan.
 */
import assert from "node:assert/strict";
import fs from "node:fs";
import { before, test } from "node:test";
import { insertRows, q, requireTestInstance, rows, testInstance, trinoMinuteNow } from "../../tools/testing/trino-fixtures";
import { localFileOf, plantFile } from "../../tools/testing/warehouse-files";
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

test("compaction, snapshot expiry and orphan removal: one file and one snapshot left, the planted orphan gone, the data intact", async () => {
  await q("admin", "DELETE FROM lakehouse.gold.rt_video_stats_1min");
  // Five one-row commits into the same (day, bucket) partition: five small files. Yesterday noon,
  // so all five minutes fall on one day whatever the time, and inside the TTL.
  const noon = Math.floor((await trinoMinuteNow()) / DAY) * DAY - DAY / 2;
  for (let i = 1; i <= 5; i++) {
    await insertRows("lakehouse.gold.rt_video_stats_1min", COLS, [["same", sqlInstant(new Date(noon + i * MIN)), i, 0, 0, 0, 0]]);
  }
  const files = async () => (await rows<{ n: number }>("admin", `SELECT count(*) AS n FROM lakehouse.gold."rt_video_stats_1min$files"`))[0]!.n;
  const snapshots = async () => (await rows<{ n: number }>("admin", `SELECT count(*) AS n FROM lakehouse.gold."rt_video_stats_1min$snapshots"`))[0]!.n;
  const total = async () => (await rows<{ n: number }>("admin", "SELECT sum(impressions) AS n FROM lakehouse.gold.rt_video_stats_1min"))[0]!.n;
  assert.equal(await files(), 5);
  assert.equal(await total(), 1 + 2 + 3 + 4 + 5);
  const orphan = await plantOrphan();

  const report = await runMaintenance(writer(), { retention: "0s" });
  assert.equal(report.tables, MAINTAINED_TABLES.length);
  assert.equal(report.ttlDeletedRows, 0);
  assert.equal(await total(), 15);
  assert.equal(await files(), 1, "the five files of the one partition compacted into one");
  assert.equal(await snapshots(), 1);
  assert.equal(fs.existsSync(orphan), false, `${orphan} was removed`);
});

/**
 * A file no snapshot references, in the RT table's data folder, as a crashed writer leaves behind:
 * dated an hour back (on the local disk; written now through S3, which the test's 0s retention
 * covers too). Returns the local file behind it.
 */
async function plantOrphan(): Promise<string> {
  const [r] = await rows<{ path: string }>("admin", `SELECT "$path" AS path FROM lakehouse.gold.rt_video_stats_1min LIMIT 1`);
  // <root>gold/rt_video_stats_1min-<uuid>/data/…: the table's data folder, in the warehouse folder or S3Proxy's bucket.
  const location = `${r!.path.slice(0, r!.path.indexOf("/data/") + "/data".length)}/orphan-from-a-crashed-writer.parquet`;
  await plantFile(testInstance, location, "not referenced by any snapshot", 3_600_000);
  return localFileOf(testInstance, location);
}
