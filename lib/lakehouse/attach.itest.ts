/**
 * Attach mode end to end, on a second real Trino that Pulse does not run (tools/testing/foreign-lakehouse.ts):
 * catalog `warehouse_prod`, seed tables created and filled by the other team's own DDL and INSERTs
 * (tools/testing/sql/attach/), never by Pulse's migrations. Through the attach settings only:
 *   1. `npm run lakehouse -- migrate` refuses a Bronze table of another layout, listing each difference, and changes nothing;
 *   2. once that table is gone, migrate adds schemas, the meta tables, the absent seed tables and the
 *      views, and leaves the team's three tables and their rows alone (a second run applies nothing);
 *   3. the dashboard, started with the attach settings, answers the fixture's hand-computed numbers;
 *   4. a wrong password and a missing catalog are refused in one sentence each.
 * The dashboard is the .next-test build (built here when stale, so `npm test`'s e2e phase then finds
 * it up to date): calling the real routes costs one `next start`, not a browser.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import path from "node:path";
import { after, before, test } from "node:test";
import { E2E_DIST_DIR } from "../../e2e/e2e-settings";
import { buildDashboard, type DashboardHandle, startDashboard } from "../../tools/dashboard/next-process";
import { attachedMigrate } from "../../tools/lakehouse/attached";
import { stopLakehouse } from "../../tools/lakehouse/stack";
import { configWith, foreignAttachEnv, foreignDashboardPort, foreignInstance, freshForeignLakehouse } from "../../tools/testing/foreign-lakehouse";
import { followRetryAfter } from "../../tools/testing/retry-after";
import { requireTestInstance } from "../../tools/testing/trino-fixtures";
import { toolsConfig } from "../config/tools";
import { bindSql, type SqlParams, sqlInstant } from "../trino/bind";
import { runQuery } from "../trino/client";
import { loadStatement } from "../trino/sql-files";
import { AttachError, type AttachTarget, attachDashboardEnv, attachTarget, checkAttached } from "./attach";
import { connectionFor } from "./connection";
import { REPO_ROOT, type Role } from "./settings";

const FIXTURE_DIR = path.join(REPO_ROOT, "tools", "testing", "sql", "attach");
const MIN = 60_000;
const log = (m: string) => console.log(`# [attach] ${m}`);

const foreign = foreignInstance();
let target: AttachTarget;
let dashboard: DashboardHandle | undefined;
/** The fixture's RT watermark: two minutes before Trino's minute when the team's rows are written, so every fixture minute before it is closed. */
let T = 0;
const timings: Record<string, number> = {};

/** Runs fixture files in order on the stand-in, as the team's own user of that role (their DDL, their writes). */
async function team(role: Role, names: readonly string[], params: SqlParams = {}): Promise<void> {
  for (const name of names) {
    const sql = loadStatement(FIXTURE_DIR, name);
    const used = Object.fromEntries(Object.entries(params).filter(([k]) => sql.includes(`:${k}`)));
    await runQuery(connectionFor(foreign, role), bindSql(sql, used), { timeoutMs: 120_000 });
  }
}

async function teamRows<Row>(sql: string): Promise<Row[]> {
  return (await runQuery<Row>(connectionFor(foreign, "admin"), sql)).rows;
}

const close = (actual: number | null | undefined, expected: number, what: string) =>
  assert.ok(actual !== null && actual !== undefined && Math.abs(actual - expected) < 1e-9, `${what}: ${actual} is not ${expected}`);

before(async () => {
  requireTestInstance();
  const t0 = Date.now();
  // The build and the stand-in's start-up overlap: one is CPU in Node, the other mostly in the JVM.
  await Promise.all([buildDashboard(log, E2E_DIST_DIR), freshForeignLakehouse(foreign, log)]);
  timings.setup = Date.now() - t0;
  target = attachTarget(configWith(foreignAttachEnv(foreign)))!;
  await team("admin", [
    "01_schema_gold",
    "02_schema_dims",
    "03_schema_bronze",
    "10_gold_rt_video_stats_1min",
    "11_gold_batch_video_daily",
    "12_dims_dim_videos",
    "13_bronze_raw_events_legacy",
  ]);
});

after(async () => {
  await dashboard?.stop();
  if (toolsConfig().PULSE_TEST_KEEP !== "1") await stopLakehouse(foreign, log);
  log(`timings (ms): ${JSON.stringify(timings)}`);
});

test("migrate refuses a seed table of another layout, lists each difference, and changes nothing", async () => {
  const t0 = Date.now();
  const run = spawnSync(process.execPath, ["--import", "tsx", "scripts/lakehouse.ts", "migrate"], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...foreignAttachEnv(foreign) },
    encoding: "utf8",
  });
  timings.refusedMigrate = Date.now() - t0;
  assert.equal(run.status, 1, run.stdout + run.stderr);
  assert.equal(
    run.stderr.trim(),
    [
      "[lakehouse] error: refusing to migrate catalog warehouse_prod: 3 differences from Pulse's tables, nothing was changed:",
      "  - bronze.raw_events: column event_timestamp is timestamp(6), Pulse expects timestamp(6) with time zone",
      "  - bronze.raw_events: missing column ingested_at timestamp(6) with time zone",
      "  - bronze.raw_events: extra column partition_key varchar is NOT NULL, and Pulse's inserts do not fill it",
    ].join("\n"),
  );
  const schemas = await teamRows<{ schema_name: string }>(
    "SELECT schema_name FROM warehouse_prod.information_schema.schemata WHERE schema_name NOT IN ('information_schema', 'system') ORDER BY 1",
  );
  assert.deepEqual(
    schemas.map((r) => r.schema_name),
    ["bronze", "dims", "gold"],
  );
});

test("migrate adds schemas, meta tables, the absent seed tables and the views; the team's tables and rows stay as they were", async () => {
  await team("admin", ["19_drop_bronze_raw_events"]);
  const [now] = await teamRows<{ ms: number }>("SELECT to_unixtime(date_trunc('minute', current_timestamp)) * 1000 AS ms");
  T = Number(now!.ms) - 2 * MIN;
  await team("admin", ["20_insert_dim_videos"], { t: sqlInstant(new Date(T)) });
  const t0 = Date.now();
  const r = await attachedMigrate(target, log);
  timings.migrate = Date.now() - t0;
  assert.deepEqual(r.applied, [
    "001_schema_meta.sql",
    "002_schema_bronze.sql",
    "003_schema_silver.sql",
    "004_schema_dims.sql",
    "005_schema_gold.sql",
    "010_meta_schema_migrations.sql",
    "011_meta_job_checkpoints.sql",
    "012_meta_seed_progress.sql",
    "100_bronze_raw_events.sql",
    "120_bronze_dead_letters.sql",
    "201_dims_dim_users.sql",
    "202_dims_dim_videos_history.sql",
    "203_dims_dim_users_history.sql",
    "300_silver_fact_user_engagement.sql",
    "310_silver_add_vr_headset_model.sql",
    "410_gold_rt_platform_15min.sql",
    "520_gold_batch_platform_daily.sql",
    "600_gold_rt_watermark.sql",
    "610_gold_rt_video_minute.sql",
    "620_gold_rt_platform_minute.sql",
    "630_gold_rt_video_velocity.sql",
    "640_gold_rt_video_velocity_24h.sql",
    "650_gold_rt_trending.sql",
  ]);
  assert.deepEqual(r.adopted, [
    { table: "dims.dim_videos", files: ["200_dims_dim_videos.sql"] },
    { table: "gold.rt_video_stats_1min", files: ["400_gold_rt_video_stats_1min.sql"] },
    {
      table: "gold.batch_video_daily",
      files: ["500_gold_batch_video_daily.sql", "510_gold_batch_video_daily_add_plays_started.sql", "511_gold_batch_video_daily_add_plays_finished.sql"],
    },
  ]);
  assert.deepEqual(r.notes, ["gold.rt_video_stats_1min: extra column source_system varchar (nullable; Pulse neither reads nor writes it)"]);
  // The views name the attached catalog; the team's table keeps its own layout and rows.
  const [view] = await teamRows<{ view_definition: string }>(
    "SELECT view_definition FROM warehouse_prod.information_schema.views WHERE table_schema = 'gold' AND table_name = 'rt_video_minute'",
  );
  assert.match(view!.view_definition, /FROM\s+warehouse_prod\.gold\.rt_video_stats_1min r/);
  assert.doesNotMatch(view!.view_definition, /lakehouse\./);
  const [videos] = await teamRows<{ n: number }>("SELECT count(*) AS n FROM warehouse_prod.dims.dim_videos");
  assert.equal(videos!.n, 3);
  const again = await attachedMigrate(target, log);
  assert.deepEqual(again.applied, []);
  assert.equal(again.adopted.length, 3);
});

test("the dashboard, attached, answers the team's rows with the hand-computed numbers", async () => {
  const t = sqlInstant(new Date(T));
  await team("admin", ["21_insert_rt_video_stats_1min", "22_insert_batch_video_daily"], { t });
  // The team's RT writer records its commit as README's attach section asks.
  await team("writer", ["30_insert_rt_checkpoint"], { t });
  const t0 = Date.now();
  dashboard = await startDashboard({
    port: foreignDashboardPort(),
    trino: attachDashboardEnv(target),
    env: { PULSE_NEXT_DIST_DIR: E2E_DIST_DIR },
    log,
  });
  timings.dashboardStart = Date.now() - t0;
  const get = async (route: string) => {
    const answer = await followRetryAfter(async () => {
      const res = await fetch(`${dashboard!.url}${route}`);
      return { status: res.status, retryAfter: res.headers.get("retry-after"), body: await res.text() };
    });
    assert.equal(answer.status, 200, `${route}: ${answer.body}`);
    return JSON.parse(answer.body);
  };

  const trending = await get("/api/pulse/trending?limit=25");
  assert.equal(trending.meta.watermark, T);
  // The ranking reads the team's log in the attached catalog, at the watermark the dashboard knows.
  assert.match(trending.meta.sql, /FROM warehouse_prod\.gold\.rt_video_stats_1min r/);
  assert.doesNotMatch(trending.meta.sql, /lakehouse\./);
  assert.equal(trending.data.total, 2);
  const [alpha, beta] = trending.data.rows;
  assert.deepEqual(
    trending.data.rows.map((r: { videoId: string; category: string; plays: number; impressions: number; likes: number; shares: number }) => [
      r.videoId,
      r.category,
      r.plays,
      r.impressions,
      r.likes,
      r.shares,
    ]),
    [
      // plays in [T-15m, T): alpha 30 + 15; impressions 100 + 50 + 10 (correction row); likes 5 + 1; shares 2 + 0 + 1
      ["v_alpha", "Gaming", 45, 160, 6, 3],
      // beta's minute T is not closed: only T-5m counts
      ["v_beta", "Beauty", 6, 20, 3, 1],
    ],
  );
  close(alpha.velocity, 45 / 15, "alpha velocity"); // 3 plays/min
  close(alpha.acceleration, (45 - 9) / (15 * 15), "alpha acceleration"); // 0.16
  close(alpha.ageHours, 48, "alpha age");
  close(alpha.trendingScore, 3 * 0.5, "alpha trending"); // freshness 2^(-48/48)
  close(beta.velocity, 6 / 15, "beta velocity"); // 0.4
  close(beta.acceleration, 6 / 225, "beta acceleration"); // 0.02666…
  close(beta.trendingScore, 0.4 * 2 ** -0.5, "beta trending"); // 0.28284271247461906

  // Beyond a day the chart reads the quarter-hour rollup, which only Pulse's micro-batch keeps: the
  // team's rows (no batch_id) come from the log. Closed minutes' plays: alpha 30 + 15 + 9, beta 6,
  // gamma 100 (banned, still the platform's); impressions 100 + 50 + 10 + 40 + 20 + 200.
  const series = await get(`/api/pulse/series?range=custom&from=${new Date(T - 2 * 1440 * MIN).toISOString()}&to=${new Date(T).toISOString()}&tz=Asia/Kolkata`);
  assert.match(series.meta.sql, /FROM warehouse_prod\.gold\.rt_platform_15min p/);
  const points: { minutes: number; plays: number; impressions: number }[] = series.data.points;
  const sum = (f: (p: { minutes: number; plays: number; impressions: number }) => number) => points.reduce((n, p) => n + f(p), 0);
  assert.deepEqual([series.data.bucket, sum((p) => p.minutes), sum((p) => p.plays), sum((p) => p.impressions)], ["hour", 2 * 1440, 160, 420]);

  const daily = await get("/api/daily/videos?from=2026-11-20&to=2026-11-21");
  assert.match(daily.meta.sql, /FROM warehouse_prod\.gold\.batch_video_daily/);
  assert.equal(daily.data.total, 2);
  const [a, b] = daily.data.rows;
  assert.deepEqual([a.videoId, a.category, a.uniqueViewers, a.days], ["v_alpha", "Gaming", 4, 2]); // {u1,u2,u3} ∪ {u3,u4}
  close(a.watchHours, 1.5 + 2.25, "alpha watch hours");
  close(a.completionRate, (4 + 3) / (10 + 6), "alpha completion"); // 0.4375
  close(a.retentionD1, (0.5 * 3) / 3, "alpha D1 retention"); // 11-21's is not known yet
  assert.deepEqual([b.videoId, b.category, b.uniqueViewers, b.days], ["v_beta", "Beauty", 1, 1]);
  close(b.watchHours, 0.75, "beta watch hours");
  close(b.completionRate, 1 / 3, "beta completion");
  close(b.retentionD1, 1, "beta D1 retention");

  const health = await get("/api/health");
  assert.deepEqual(
    health.tables.map((x: { table: string }) => x.table),
    ["warehouse_prod.gold.rt_video_stats_1min", "warehouse_prod.gold.batch_video_daily"],
  );
  assert.equal(health.rt.state, "complete");
});

test("a refused login and a missing catalog are each one clear sentence", async () => {
  const wrong = attachTarget(configWith({ ...foreignAttachEnv(foreign), PULSE_ATTACH_DASHBOARD_PASSWORD: "not-the-password-at-all" }))!;
  await assert.rejects(checkAttached(wrong, "dashboard"), { message: `Trino at ${target.url} refused the credentials (HTTP 401)` });
  const missing = attachTarget(configWith({ ...foreignAttachEnv(foreign), PULSE_ATTACH_CATALOG: "warehouse_staging" }))!;
  await assert.rejects(
    checkAttached(missing, "admin"),
    (err: unknown) =>
      err instanceof AttachError &&
      err.message === `Trino at ${target.url} has no catalog 'warehouse_staging' that user pulse_admin may see (PULSE_ATTACH_CATALOG)`,
  );
  assert.throws(() => attachTarget(configWith({ PULSE_ATTACH_TRINO_URL: target.url, PULSE_ATTACH_USER: "", PULSE_ATTACH_PASSWORD: "" })), {
    message:
      "attach mode: no login for the admin role; set PULSE_ATTACH_USER and PULSE_ATTACH_PASSWORD, or PULSE_ATTACH_ADMIN_USER and PULSE_ATTACH_ADMIN_PASSWORD",
  });
});
