/**
 * Maintenance on the real Trino, run as the pipeline's writer user: the RT TTL deletes exactly the
 * rows older than 7 days (floored to a quarter-hour), from the log and its rollup alike; compaction,
 * snapshot expiry and orphan removal leave the data intact while collapsing the micro-batch's small
 * files and old snapshots and deleting a planted orphan.
 */
import assert from "node:assert/strict";
import fs from "node:fs";
import { before, test } from "node:test";
import { insertRows, q, requireTestInstance, rows, testInstance, trinoMinuteNow } from "../../tools/testing/trino-fixtures";
import { localFileOf, plantFile } from "../../tools/testing/warehouse-files";
import { connectionFor } from "../lakehouse/connection";
import { sqlInstant } from "../trino/bind";
import { runJob } from "./job-sql";
import { MAINTAINED_TABLES, runMaintenance, runRtTtl } from "./maintenance";

const DAY = 86_400_000;
const MIN = 60_000;
const QUARTER = 15 * MIN;
const COLS = ["video_id", "window_start", "impressions", "likes", "shares", "play_start", "play_finish"];
const writer = () => connectionFor(testInstance, "writer");

before(async () => {
  requireTestInstance();
  await q("admin", "DELETE FROM lakehouse.gold.rt_video_stats_1min");
  await q("admin", "DELETE FROM lakehouse.gold.rt_platform_15min");
});

/** Impressions per UTC quarter-hour, from the log and from its rollup. */
const perQuarter = async () => ({
  log: await rows(
    "admin",
    `SELECT to_unixtime(from_unixtime(floor(to_unixtime(window_start) / 900) * 900)) * 1000 AS q, sum(impressions) AS n
     FROM lakehouse.gold.rt_video_stats_1min GROUP BY 1 ORDER BY 1`,
  ),
  rollup: await rows(
    "admin",
    "SELECT to_unixtime(window_start) * 1000 AS q, sum(impressions) AS n FROM lakehouse.gold.rt_platform_15min GROUP BY 1 ORDER BY 1",
  ),
});

test("the TTL deletes exactly the RT rows older than 7 days, floored to a quarter-hour, from the log and its rollup alike", async () => {
  const now = await trinoMinuteNow();
  const row = (video: string, ageMs: number, batch: number) => [video, sqlInstant(new Date(now - ageMs)), 1, 0, 0, 0, 0, batch];
  const ages: [string, number][] = [
    ["old1", 8 * DAY],
    ["old2", 7 * DAY + 20 * MIN], // before any quarter-hour cutoff of "now - 7 days"
    ["edge", 7 * DAY + 2 * MIN], // older than 7 days, kept iff its quarter-hour starts at or after the cutoff
    ["keep1", 7 * DAY - 5 * MIN],
    ["keep2", 6 * DAY],
    ["keep3", 5 * MIN],
  ];
  await insertRows(
    "lakehouse.gold.rt_video_stats_1min",
    [...COLS, "batch_id"],
    ages.map(([video, age], i) => row(video, age, i + 1)),
  );
  await runJob(writer(), "rt_rollup_insert", { batch_id: ages.length });
  const before = await perQuarter();
  assert.deepEqual(before.rollup, before.log);

  const r = await runRtTtl(writer(), 7);
  assert.equal(r.cutoffMs % QUARTER, 0, "the cutoff is a quarter-hour");
  assert.ok(r.cutoffMs > now - 7 * DAY - QUARTER && r.cutoffMs <= now + 5 * MIN - 7 * DAY, "the cutoff is the quarter-hour of 7 days ago");
  const edgeKept = now - (7 * DAY + 2 * MIN) >= r.cutoffMs;
  assert.deepEqual([r.logRows, r.rollupRows], edgeKept ? [2, 2] : [3, 3]);
  const left = await rows<{ video_id: string }>("admin", "SELECT video_id FROM lakehouse.gold.rt_video_stats_1min ORDER BY video_id");
  assert.deepEqual(
    left.map((x) => x.video_id),
    [...(edgeKept ? ["edge"] : []), "keep1", "keep2", "keep3"],
  );
  const after = await perQuarter();
  assert.deepEqual(after.rollup, after.log, "the rollup holds the same quarter-hours as the log, with the same sums");
});

test("compaction, snapshot expiry and orphan removal: one file and one snapshot left, the planted orphan gone, the data intact", async () => {
  await q("admin", "DELETE FROM lakehouse.gold.rt_video_stats_1min");
  await q("admin", "DELETE FROM lakehouse.gold.rt_platform_15min");
  // Five one-row commits into the same (day, bucket) partition: five small files, and five rollup
  // commits of one batch each, as the micro-batch makes them. Yesterday noon, so all five minutes
  // fall on one day whatever the time, and inside the TTL.
  const noon = Math.floor((await trinoMinuteNow()) / DAY) * DAY - DAY / 2;
  for (let i = 1; i <= 5; i++) {
    await insertRows("lakehouse.gold.rt_video_stats_1min", [...COLS, "batch_id"], [["same", sqlInstant(new Date(noon + i * MIN)), i, 0, 0, 0, 0, i]]);
    await runJob(writer(), "rt_rollup_insert", { batch_id: i });
  }
  const count = async (sql: string) => (await rows<{ n: number }>("admin", sql))[0]!.n;
  const files = (table: string) => count(`SELECT count(*) AS n FROM lakehouse.gold."${table}$files"`);
  const snapshots = (table: string) => count(`SELECT count(*) AS n FROM lakehouse.gold."${table}$snapshots"`);
  const total = (table: string) => count(`SELECT sum(impressions) AS n FROM lakehouse.gold.${table}`);
  for (const table of ["rt_video_stats_1min", "rt_platform_15min"]) {
    assert.equal(await files(table), 5, table);
    assert.equal(await total(table), 1 + 2 + 3 + 4 + 5, table);
  }
  const orphan = await plantOrphan();

  const report = await runMaintenance(writer(), { retention: "0s" });
  assert.equal(report.tables, MAINTAINED_TABLES.length);
  assert.deepEqual([report.ttlDeletedRows, report.ttlDeletedRollupRows], [0, 0]);
  for (const table of ["rt_video_stats_1min", "rt_platform_15min"]) {
    assert.equal(await total(table), 15, table);
    assert.equal(await files(table), 1, `${table}: the five files of the one partition compacted into one`);
    assert.equal(await snapshots(table), 1, table);
  }
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
