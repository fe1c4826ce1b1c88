/**
 * Issue 9, "a second engine proves it": Apache Iceberg's Java API (tools/iceberg-reader), opening
 * the same JDBC catalog in PostgreSQL, reads gold.batch_video_daily and gold.rt_video_stats_1min
 * as Trino wrote them, and gets the same row counts and sums as Trino, both equal to the numbers
 * worked out by hand below. A second snapshot (a merge-on-read DELETE, inserts, an append) shows
 * it reads the table's current snapshot through the catalog, position deletes applied.
 */
import assert from "node:assert/strict";
import { before, test } from "node:test";
import { localInstanceTarget } from "../../tools/iceberg-reader/local-target";
import type { TableRequest } from "../../tools/iceberg-reader/reader";
import { readWithBothEngines, type TwoReadings } from "../../tools/testing/second-engine";
import { insertRows, q, requireTestInstance, rows, testInstance } from "../../tools/testing/trino-fixtures";
import { type SqlValue, sqlDate, sqlInstant } from "../trino/bind";
import { connectionFor } from "./connection";

const DAILY = "lakehouse.gold.batch_video_daily";
const RT = "lakehouse.gold.rt_video_stats_1min";
const DAILY_COLUMNS = ["date", "video_id", "category_at_date", "total_watch_time_hrs", "completion_rate", "unique_viewers", "plays_started", "plays_finished"];
const RT_COLUMNS = ["video_id", "window_start", "upload_ts", "impressions", "likes", "shares", "play_start", "play_finish", "batch_id"];

const TABLES: TableRequest[] = [
  { table: "gold.batch_video_daily", sum: ["total_watch_time_hrs", "completion_rate", "unique_viewers", "plays_started", "plays_finished"] },
  { table: "gold.rt_video_stats_1min", sum: ["impressions", "likes", "play_start", "play_finish"] },
];

// Every fraction is a sum of powers of two, exact in float and double: sums do not depend on the
// order either engine adds rows in.
const daily = (date: string, video: string, category: string, hours: number, completion: number, viewers: number, started: number, finished: number) => [
  sqlDate(date),
  video,
  category,
  hours,
  completion,
  viewers,
  started,
  finished,
];
const at = (iso: string) => sqlInstant(new Date(iso));
const UPLOAD = at("2025-12-31T00:00:00Z");
const rt = (video: string, minute: string, impressions: number, likes: number, shares: number, plays: number, finishes: number, batch: number): SqlValue[] => [
  video,
  at(minute),
  UPLOAD,
  impressions,
  likes,
  shares,
  plays,
  finishes,
  batch,
];

async function readBoth(): Promise<Map<string, TwoReadings>> {
  const readings = await readWithBothEngines(connectionFor(testInstance, "dashboard"), localInstanceTarget(testInstance), TABLES);
  return new Map(readings.map((r) => [r.table, r]));
}

/** Both engines read `expected` exactly, from the same snapshot, the one Trino calls current. */
function assertBoth(reading: TwoReadings | undefined, expected: { rows: number; sums: Record<string, number> }): string {
  assert.ok(reading);
  assert.deepEqual({ rows: reading.iceberg.rows, sums: reading.iceberg.sums }, expected, `${reading.table} read by Iceberg's Java API`);
  assert.deepEqual({ rows: reading.trino.rows, sums: reading.trino.sums }, expected, `${reading.table} read by Trino`);
  assert.ok(reading.iceberg.snapshotId, `${reading.table} has a snapshot`);
  assert.equal(reading.iceberg.snapshotId, reading.trino.snapshotId, `${reading.table}: the Java reader read Trino's current snapshot`);
  return reading.iceberg.snapshotId;
}

before(requireTestInstance);

test("Iceberg's Java API reads both Gold tables through the JDBC catalog with Trino's counts and sums, at the current snapshot", async () => {
  // Earlier test files share this lakehouse: start both tables empty, so every number below is this test's.
  for (const table of [DAILY, RT]) await q("admin", `DELETE FROM ${table}`);
  // Then one snapshot of rows for each table.
  await insertRows(DAILY, DAILY_COLUMNS, [
    daily("2026-01-01", "v1", "Gaming", 1.5, 0.5, 10, 8, 4),
    daily("2026-01-01", "v2", "Comedy", 2.25, 0.75, 20, 12, 9),
    daily("2026-01-02", "v1", "Gaming", 0.125, 0.25, 5, 4, 1),
  ]);
  // Two days and two videos: several partitions (day × bucket), so several data files.
  await insertRows(RT, RT_COLUMNS, [
    rt("A", "2026-01-01T10:00:00Z", 100, 3, 1, 40, 30, 1),
    rt("A", "2026-01-01T10:01:00Z", 50, 2, 0, 20, 10, 1),
    rt("B", "2026-01-01T10:00:00Z", 10, 0, 0, 4, 1, 1),
    rt("B", "2026-01-02T23:59:00Z", 7, 1, 2, 3, 3, 2),
  ]);
  const first = await readBoth();
  // 3 rows; hours 1.5 + 2.25 + 0.125 = 3.875; completion 0.5 + 0.75 + 0.25 = 1.5; viewers 10 + 20 + 5 = 35;
  // started 8 + 12 + 4 = 24; finished 4 + 9 + 1 = 14.
  const daily1 = assertBoth(first.get("gold.batch_video_daily"), {
    rows: 3,
    sums: { total_watch_time_hrs: 3.875, completion_rate: 1.5, unique_viewers: 35, plays_started: 24, plays_finished: 14 },
  });
  // 4 rows; impressions 100 + 50 + 10 + 7 = 167; likes 3 + 2 + 0 + 1 = 6; plays 40 + 20 + 4 + 3 = 67; finishes 30 + 10 + 1 + 3 = 44.
  const rt1 = assertBoth(first.get("gold.rt_video_stats_1min"), { rows: 4, sums: { impressions: 167, likes: 6, play_start: 67, play_finish: 44 } });

  // Snapshot 2 (3 for the mart): the daily job's upsert pattern, a DELETE (merge-on-read: a position
  // delete file, the data file stays) then new rows; the RT log gets a correction row.
  await q("admin", `DELETE FROM ${DAILY} WHERE date = :d AND video_id = :v`, { d: sqlDate("2026-01-01"), v: "v2" });
  await insertRows(DAILY, DAILY_COLUMNS, [daily("2026-01-03", "v3", "Beauty", 4, 1, 7, 6, 6), daily("2026-01-03", "v4", "Pets", 0.25, 0, 1, 2, 0)]);
  await insertRows(RT, RT_COLUMNS, [rt("A", "2026-01-01T10:00:00Z", 5, 0, 0, 2, 1, 3)]);
  // The DELETE left the v1/v2 data file of 2026-01-01 in place and wrote one position delete file:
  // the Java reader has to apply it to read 4 rows, not 5.
  const [deletes] = await rows<{ n: number }>("admin", `SELECT count(*) AS n FROM lakehouse.gold."batch_video_daily$files" WHERE content = 1`);
  assert.equal(deletes?.n, 1);
  const second = await readBoth();
  // v2 gone, v3 and v4 added: 4 rows; hours 1.5 + 0.125 + 4 + 0.25 = 5.875; completion 0.5 + 0.25 + 1 + 0 = 1.75;
  // viewers 10 + 5 + 7 + 1 = 23; started 8 + 4 + 6 + 2 = 20; finished 4 + 1 + 6 + 0 = 11.
  const daily2 = assertBoth(second.get("gold.batch_video_daily"), {
    rows: 4,
    sums: { total_watch_time_hrs: 5.875, completion_rate: 1.75, unique_viewers: 23, plays_started: 20, plays_finished: 11 },
  });
  // 5 rows; impressions 167 + 5 = 172; likes 6; plays 67 + 2 = 69; finishes 44 + 1 = 45.
  const rt2 = assertBoth(second.get("gold.rt_video_stats_1min"), { rows: 5, sums: { impressions: 172, likes: 6, play_start: 69, play_finish: 45 } });
  assert.notEqual(daily2, daily1, "the mart's second reading is of a newer snapshot");
  assert.notEqual(rt2, rt1, "the log's second reading is of a newer snapshot");
});
