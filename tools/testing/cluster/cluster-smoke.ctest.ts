/**
 * What only the cluster smoke checks (`npm run test:cluster`; the same phase also runs the micro-batch
 * and velocity-view integration tests on this instance, cluster-files.ts): one daily run on a
 * coordinator + 2 workers with the warehouse in S3Proxy, read back through the dashboard's API; where
 * the splits ran (system.runtime.tasks); that the files are in the bucket; a maintenance pass.
 *
 * Fixture, D = 2026-03-10 (videos A Gaming 60 s, B Music 30 s, both valid all of D):
 *   u1 10:00 play_start A (watch 60 000), 10:01 play_finish A
 *   u2 11:00 play_start A (watch 30 000)
 *   u3 12:00 play_start B (watch 15 000), 12:00:20 play_finish B
 * Silver: 5 rows (each event once). Gold for D:
 *   A: watch 90 000 ms = 0.025 h; started (session, A) pairs u1, u2 = 2, finished u1 = 1 -> completion 0.5; viewers {u1, u2} = 2
 *   B: watch 15 000 ms = 15 000 / 3 600 000 h; started 1, finished 1 -> completion 1; viewers {u3} = 1
 *   retention_d1 NULL for both (D + 1 is not built).
 */
import assert from "node:assert/strict";
import fs from "node:fs";
import { after, before, test } from "node:test";
import { E2E_DIST_DIR } from "../../../e2e/e2e-settings";
import { toolsConfig } from "../../../lib/config/tools";
import { dashboardTrinoEnv } from "../../../lib/lakehouse/dashboard-env";
import { instancePaths, WAREHOUSE_BUCKET } from "../../../lib/lakehouse/settings";
import { storageOf } from "../../../lib/lakehouse/storage-profile";
import { dbConfig, withDb } from "../../../lib/ops-db/connection";
import { at, clearDailyTables, type Ev, insertBronze, insertVideoVersions, videoVersion, writer } from "../../../lib/pipeline/daily/fixtures";
import { runGoldDaily } from "../../../lib/pipeline/daily/gold";
import { runSilverDaily } from "../../../lib/pipeline/daily/silver";
import { runMaintenance } from "../../../lib/pipeline/maintenance";
import { sqlInstant } from "../../../lib/trino/bind";
import { type DashboardHandle, startDashboard } from "../../dashboard/next-process";
import { s3InstanceTarget } from "../../iceberg-reader/s3-target";
import { listObjects } from "../../s3proxy/s3-client";
import { s3Target } from "../../s3proxy/server";
import { workerNodeId } from "../../trino/worker-config";
import { readWithBothEngines } from "../second-engine";
import { insertRows, q, requireTestInstance, rows, testInstance } from "../trino-fixtures";

const D = "2026-03-10";
const HOUR_MS = 3_600_000;

before(async () => {
  requireTestInstance();
  assert.equal(testInstance.name, "cluster", "the cluster smoke runs on the cluster instance (PULSE_TEST_TARGET=cluster)");
  await clearDailyTables();
  await insertVideoVersions([videoVersion("A", "Gaming", 60_000, at("2026-03-01"), null), videoVersion("B", "Music", 30_000, at("2026-03-01"), null)]);
  const e = (id: string, user: string, video: string, type: string, ms: number, watch = 0): Ev => ({ id, user, video, type, ms, watch });
  await insertBronze([
    e("c1", "u1", "A", "play_start", at(D, 10), 60_000),
    e("c2", "u1", "A", "play_finish", at(D, 10, 1)),
    e("c3", "u2", "A", "play_start", at(D, 11), 30_000),
    e("c4", "u3", "B", "play_start", at(D, 12), 15_000),
    e("c5", "u3", "B", "play_finish", at(D, 12, 0, 20)),
  ]);
});

test("the instance is a coordinator that runs no splits and 2 active workers, on the s3 profile", async () => {
  assert.equal(storageOf(testInstance), "s3");
  const nodes = await rows<{ node_id: string; coordinator: boolean }>(
    "admin",
    "SELECT node_id, coordinator FROM system.runtime.nodes WHERE state = 'active' ORDER BY node_id",
  );
  assert.deepEqual(nodes, [
    { node_id: "pulse-cluster", coordinator: true },
    { node_id: workerNodeId(testInstance, 1), coordinator: false },
    { node_id: workerNodeId(testInstance, 2), coordinator: false },
  ]);
  // Nothing of the warehouse is on the local disk: no local folder was even made.
  assert.equal(fs.existsSync(instancePaths(testInstance).warehouse), false);
});

test("one daily run (Silver + Gold for D) gives the hand-computed marts", async () => {
  const silver = await runSilverDaily(writer(), D);
  const gold = await runGoldDaily(writer(), D);
  assert.deepEqual([silver.rows, gold.rows], [5, 2]);
  const g = await rows<{
    video_id: string;
    watch_ms: number;
    completion_rate: number;
    unique_viewers: number;
    started: number;
    finished: number;
    retention: null;
  }>(
    "admin",
    `SELECT video_id, round(total_watch_time_hrs * 3600000) AS watch_ms, completion_rate, unique_viewers,
            plays_started AS started, plays_finished AS finished, retention_d1 AS retention
     FROM lakehouse.gold.batch_video_daily WHERE date = DATE '${D}' ORDER BY video_id`,
  );
  assert.deepEqual(g, [
    { video_id: "A", watch_ms: 90_000, completion_rate: 0.5, unique_viewers: 2, started: 2, finished: 1, retention: null },
    { video_id: "B", watch_ms: 15_000, completion_rate: 1, unique_viewers: 1, started: 1, finished: 1, retention: null },
  ]);
});

test("a second engine, Iceberg's Java API, reads both Gold tables from S3 through the JDBC catalog with Trino's counts and sums", async () => {
  // The RT log gets rows of its own (the micro-batch tests before this file leave theirs): 2 rows,
  // impressions 40 + 2 = 42, plays 10 + 1 = 11.
  await q("admin", "DELETE FROM lakehouse.gold.rt_video_stats_1min");
  await insertRows(
    "lakehouse.gold.rt_video_stats_1min",
    ["video_id", "window_start", "upload_ts", "impressions", "likes", "shares", "play_start", "play_finish", "batch_id"],
    [
      ["A", sqlInstant(new Date(at(D, 10))), sqlInstant(new Date(at("2026-03-01"))), 40, 3, 1, 10, 6, 1],
      ["B", sqlInstant(new Date(at(D, 10, 1))), sqlInstant(new Date(at("2026-03-01"))), 2, 0, 0, 1, 1, 1],
    ],
  );
  const readings = await readWithBothEngines(writer(), s3InstanceTarget(testInstance), [
    { table: "gold.batch_video_daily", sum: ["unique_viewers", "plays_started", "plays_finished"] },
    { table: "gold.rt_video_stats_1min", sum: ["impressions", "play_start"] },
  ]);
  // The daily run above: A has 2 viewers, 2 starts, 1 finish; B 1, 1, 1.
  const expected = [
    { rows: 2, sums: { unique_viewers: 3, plays_started: 3, plays_finished: 2 } },
    { rows: 2, sums: { impressions: 42, play_start: 11 } },
  ];
  for (const [i, r] of readings.entries()) {
    assert.deepEqual({ rows: r.iceberg.rows, sums: r.iceberg.sums }, expected[i], `${r.table} read by Iceberg's Java API from S3`);
    assert.deepEqual({ rows: r.trino.rows, sums: r.trino.sums }, expected[i], `${r.table} read by Trino`);
    assert.ok(r.iceberg.snapshotId && r.iceberg.snapshotId === r.trino.snapshotId, `${r.table}: both read the current snapshot`);
  }
  console.log(`# second engine on S3: ${JSON.stringify(readings)}`);
});

test("a scan and an aggregation run their splits on the workers, never on the coordinator (system.runtime.tasks)", async () => {
  const scan = await q<{ video_id: string; watch: number }>(
    "admin",
    `SELECT video_id, sum(watch_time_ms) AS watch FROM lakehouse.silver.fact_user_engagement WHERE date = DATE '${D}' GROUP BY video_id ORDER BY video_id`,
  );
  assert.deepEqual(scan.rows, [
    { video_id: "A", watch: 90_000 },
    { video_id: "B", watch: 15_000 },
  ]);
  const tasks = await rows<{ node_id: string; tasks: number; splits: number; completed: number }>(
    "admin",
    "SELECT node_id, count(*) AS tasks, sum(splits) AS splits, sum(completed_splits) AS completed FROM system.runtime.tasks WHERE query_id = :id GROUP BY node_id ORDER BY node_id",
    { id: scan.queryId },
  );
  const workers = [workerNodeId(testInstance, 1), workerNodeId(testInstance, 2)];
  assert.ok(tasks.length > 0, `no tasks recorded for query ${scan.queryId}`);
  for (const t of tasks) assert.ok(workers.includes(t.node_id), `a task of ${scan.queryId} ran on ${t.node_id}, not on a worker`);
  const completed = tasks.reduce((n, t) => n + t.completed, 0);
  assert.ok(completed > 0 && completed === tasks.reduce((n, t) => n + t.splits, 0), `splits per node: ${JSON.stringify(tasks)}`);
  // Over everything this phase ran that the workers still remember, both took splits.
  const perWorker = await rows<{ node_id: string; completed: number }>(
    "admin",
    "SELECT node_id, sum(completed_splits) AS completed FROM system.runtime.tasks WHERE node_id IN (:w1, :w2) GROUP BY node_id ORDER BY node_id",
    { w1: workers[0]!, w2: workers[1]! },
  );
  assert.deepEqual(
    perWorker.map((w) => [w.node_id, w.completed > 0]),
    workers.map((w) => [w, true]),
  );
});

let dashboard: DashboardHandle | undefined;
after(async () => dashboard?.stop());

test("the dashboard's API, pointed at the cluster, serves the daily numbers", async () => {
  // 50 above PULSE_E2E_PORT, like the instance's own ports above the test suite's.
  const port = toolsConfig().PULSE_E2E_PORT + 50;
  dashboard = await startDashboard({ port, trino: dashboardTrinoEnv(testInstance), env: { PULSE_NEXT_DIST_DIR: E2E_DIST_DIR }, log: () => undefined });
  const res = await fetch(`${dashboard.url}/api/daily/videos?from=${D}&to=${D}`);
  assert.equal(res.status, 200, await res.clone().text());
  const body = (await res.json()) as {
    data: { total: number; rows: { videoId: string; watchHours: number; completionRate: number; uniqueViewers: number; days: number }[] };
  };
  assert.equal(body.data.total, 2);
  assert.deepEqual(
    body.data.rows.map((r) => [r.videoId, r.completionRate, r.uniqueViewers, r.days]),
    [
      ["A", 0.5, 2, 1],
      ["B", 1, 1, 1],
    ],
  );
  assert.ok(Math.abs(body.data.rows[0]!.watchHours - 90_000 / HOUR_MS) < 1e-12);
  assert.ok(Math.abs(body.data.rows[1]!.watchHours - 15_000 / HOUR_MS) < 1e-12);
});

test("every table's files are objects in S3Proxy's bucket, and a maintenance pass keeps the marts intact", async () => {
  const locations = await withDb(dbConfig(testInstance, "owner"), async (db) => {
    const r = await db.query<{ metadata_location: string }>("SELECT metadata_location FROM iceberg_catalog.iceberg_tables");
    return r.rows.map((x) => x.metadata_location);
  });
  assert.ok(locations.length > 0);
  for (const l of locations) assert.ok(l.startsWith(`s3://${WAREHOUSE_BUCKET}/`), l);
  const silverFiles = (await listObjects(s3Target(testInstance), WAREHOUSE_BUCKET, "silver/")).filter((o) => o.key.endsWith(".parquet"));
  assert.ok(silverFiles.length > 0, "no Parquet file of Silver in the bucket");
  await runMaintenance(writer(), { retention: testInstance.maintenanceMinRetention });
  const [after] = await rows<{ videos: number; watch_ms: number }>(
    "admin",
    `SELECT count(*) AS videos, round(sum(total_watch_time_hrs) * 3600000) AS watch_ms FROM lakehouse.gold.batch_video_daily WHERE date = DATE '${D}'`,
  );
  assert.deepEqual(after, { videos: 2, watch_ms: 105_000 });
});
