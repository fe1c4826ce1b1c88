/**
 * Pruning through the read-time views, proven with Trino's own scan statistics: one video over the
 * last 24 h reads only that video's bucket in the last days' partitions.
 *
 * Fixture: the watermark T is yesterday 12:00 UTC, so which day partitions hold rows does not depend
 * on the time of day the test runs. 200 videos, one row every 10 minutes from T - 4312 min to
 * T - 1 min (days d(T) - 3 .. d(T): 4 day partitions), written in two commits; Trino writes one file
 * per (day, bucket) partition per commit, and the 200 ids fill all 16 buckets, so the table holds
 * 4 days x 16 buckets x 2 commits = 128 files, 8 of them in each bucket.
 * On these small files one split is one file. Figures (bytes read vs a full scan) are printed as
 * test diagnostics.
 */
import assert from "node:assert/strict";
import { before, test } from "node:test";
import { explainScan } from "../../tools/testing/scan-stats";
import { insertRows, q, requireTestInstance, rows, testInstance, trinoMinuteNow } from "../../tools/testing/trino-fixtures";
import { sqlInstant } from "../trino/bind";
import { connectionFor } from "./connection";

const MIN = 60_000;
const DAY = 24 * 60 * MIN;
const RT = "gold.rt_video_stats_1min";
const VIDEO = "v_0007";
let T = 0;
let bucket = -1;

const dashboard = () => connectionFor(testInstance, "dashboard");
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

async function filesIn(bucketNo: number | null, fromDay: string): Promise<{ files: number; bytes: number }> {
  const [r] = await rows<{ files: number; bytes: number | null }>(
    "admin",
    `SELECT count(*) AS files, sum(file_size_in_bytes) AS bytes FROM lakehouse.gold."rt_video_stats_1min$files"
     WHERE partition.window_start_day >= :from_day ${bucketNo === null ? "" : "AND partition.video_id_bucket = :bucket"}`,
    bucketNo === null ? { from_day: { kind: "date", value: fromDay } } : { from_day: { kind: "date", value: fromDay }, bucket: bucketNo },
  );
  return { files: r!.files, bytes: r!.bytes ?? 0 };
}

before(async () => {
  requireTestInstance();
  await q("admin", "DELETE FROM lakehouse.gold.rt_video_stats_1min");
  await q("admin", "DELETE FROM lakehouse.meta.job_checkpoints");
  T = Math.floor((await trinoMinuteNow()) / DAY) * DAY - 12 * 60 * MIN;
  // Two commits, so every (day, bucket) partition holds two files.
  for (const offset of [0, 1]) {
    await q(
      "admin",
      `INSERT INTO lakehouse.gold.rt_video_stats_1min (video_id, window_start, upload_ts, impressions, likes, shares, play_start, play_finish)
       SELECT 'v_' || lpad(CAST(v AS varchar), 4, '0'), :t - (m + :offset) * INTERVAL '1' MINUTE, :t - INTERVAL '3' DAY, 10, 1, 0, 5, 2
       FROM UNNEST(sequence(1, 200)) a (v) CROSS JOIN UNNEST(sequence(1, 4320, 10)) b (m)`,
      { t: sqlInstant(new Date(T)), offset },
    );
  }
  await insertRows(
    "lakehouse.meta.job_checkpoints",
    ["job", "state", "complete_through", "recorded_at"],
    [["rt_video_stats_1min", "committed", sqlInstant(new Date(T)), sqlInstant(new Date())]],
  );
  const [p] = await rows<{ b: number }>(
    "admin",
    `SELECT DISTINCT CAST(regexp_extract("$partition", 'video_id_bucket=(\\d+)', 1) AS integer) AS b FROM lakehouse.gold.rt_video_stats_1min WHERE video_id = :v`,
    { v: VIDEO },
  );
  bucket = p!.b;
});

test("one video over the last 24 h reads only its bucket in the last days' partitions", async (t) => {
  const full = await explainScan(dashboard(), RT, "SELECT sum(play_start) FROM lakehouse.gold.rt_video_stats_1min");
  assert.equal((await filesIn(null, "1970-01-01")).files, 4 * 16 * 2, "the fixture's files: 4 days x 16 buckets x 2 commits");
  assert.equal(full.splits, 4 * 16 * 2);

  const one = await explainScan(dashboard(), RT, "SELECT sum(play_start) FROM lakehouse.gold.rt_video_minute WHERE video_id = :v AND window_start >= :from", {
    v: VIDEO,
    from: sqlInstant(new Date(T - DAY)),
  });
  // [T - 24 h, T) spans d(T) - 1 and d(T): two day partitions of the one bucket, two files each.
  assert.equal((await filesIn(bucket, dayOf(T - DAY))).files, 2 * 2);
  assert.equal(one.scans, 1);
  assert.equal(one.splits, 2 * 2, "files read = that bucket's files in the two day partitions");
  assert.ok(one.physicalBytes < full.physicalBytes / 10);
  t.diagnostic(
    `pruning: one video, last 24h via gold.rt_video_minute read ${one.splits} of ${full.splits} files, ` +
      `${Math.round(one.physicalBytes)} of ${Math.round(full.physicalBytes)} bytes (${((100 * one.physicalBytes) / full.physicalBytes).toFixed(1)}%)`,
  );

  const [check] = await rows<{ n: number }>(
    "dashboard",
    "SELECT count(*) AS n FROM lakehouse.gold.rt_video_minute WHERE video_id = :v AND window_start >= :from",
    {
      v: VIDEO,
      from: sqlInstant(new Date(T - DAY)),
    },
  );
  assert.equal(check!.n, 2 * 144); // two commits x one row every 10 minutes for 24 h
});

test("the dense 24 h series of one video reads only that video's bucket", async (t) => {
  const series = await explainScan(dashboard(), RT, "SELECT max(velocity_score) FROM lakehouse.gold.rt_video_velocity_24h WHERE video_id = :v", { v: VIDEO });
  const bucketFiles = await filesIn(bucket, "1970-01-01");
  assert.equal(bucketFiles.files, 4 * 2, "the bucket: 4 day partitions, two files each");
  // Two scans of the one bucket: the video list over [T - 24 h - 2N min, T) reads its 2 days' 4 files;
  // the minute values, LEFT JOINed to the grid, get no time bound pushed down and read all 8.
  assert.equal(series.scans, 2);
  assert.equal(series.splits, 4 + 8);
  t.diagnostic(
    `pruning: one video's 24h velocity series read ${series.splits} file splits over ${series.scans} scans (bucket holds ${bucketFiles.files} files)`,
  );
});

test("current velocity of all videos reads only the partitions of the last 2N minutes", async (t) => {
  const v = await explainScan(dashboard(), RT, "SELECT count(*) FROM lakehouse.gold.rt_video_velocity");
  // [T - 30 min, T) lies in d(T): that day's 16 buckets x 2 commits, nothing of the 3 days before.
  assert.equal((await filesIn(null, dayOf(T - 30 * MIN))).files, 16 * 2);
  assert.equal(v.splits, 16 * 2);
  t.diagnostic(`pruning: rt_video_velocity (all videos) read ${v.splits} of ${4 * 16 * 2} files`);
});
