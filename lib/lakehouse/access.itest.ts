/**
 * File-based access control: the dashboard reads only, the jobs write data but not schemas. Anyone
 * else does not get past the password check (authentication.itest.ts).
 */
import assert from "node:assert/strict";
import { before, test } from "node:test";
import { insertRows, q, requireTestInstance, rows, trinoMinuteNow } from "../../tools/testing/trino-fixtures";
import { sqlDate, sqlInstant } from "../trino/bind";
import { TrinoQueryError } from "../trino/client";

const MIN = 60_000;

before(requireTestInstance);

const denied = async (p: Promise<unknown>) => {
  await assert.rejects(p, (err: unknown) => err instanceof TrinoQueryError && err.errorName === "PERMISSION_DENIED" && /Access Denied/.test(err.message));
};

test("the dashboard user reads tables and views: exactly the rows the admin wrote", async () => {
  for (const t of ["gold.rt_video_stats_1min", "gold.batch_video_daily", "meta.job_checkpoints"]) await q("admin", `DELETE FROM lakehouse.${t}`);
  const T = (await trinoMinuteNow()) - 60 * MIN;
  await insertRows(
    "lakehouse.gold.rt_video_stats_1min",
    ["video_id", "window_start", "impressions", "likes", "shares", "play_start", "play_finish"],
    [["v_access", sqlInstant(new Date(T - 2 * MIN)), 10, 1, 0, 5, 2]],
  );
  await insertRows(
    "lakehouse.meta.job_checkpoints",
    ["job", "state", "complete_through", "recorded_at"],
    [["rt_video_stats_1min", "committed", sqlInstant(new Date(T)), sqlInstant(new Date(T))]],
  );
  await insertRows(
    "lakehouse.gold.batch_video_daily",
    ["date", "video_id", "category_at_date", "total_watch_time_hrs", "plays_started", "plays_finished"],
    [[sqlDate("2026-11-20"), "v_access", "Pets", 1.5, 4, 3]],
  );
  // A view (over the table and the checkpoint view) and a table, read as pulse_dashboard.
  assert.deepEqual(
    await rows(
      "dashboard",
      "SELECT to_unixtime(window_start) * 1000 AS ms, impressions, play_start, play_finish, active_videos FROM lakehouse.gold.rt_platform_minute",
    ),
    [{ ms: T - 2 * MIN, impressions: 10, play_start: 5, play_finish: 2, active_videos: 1 }],
  );
  assert.deepEqual(
    await rows(
      "dashboard",
      "SELECT CAST(date AS varchar) AS date, video_id, category_at_date, total_watch_time_hrs, plays_started, plays_finished FROM lakehouse.gold.batch_video_daily",
    ),
    [{ date: "2026-11-20", video_id: "v_access", category_at_date: "Pets", total_watch_time_hrs: 1.5, plays_started: 4, plays_finished: 3 }],
  );
});

test("the dashboard user cannot write, delete, create or drop", async () => {
  await denied(q("dashboard", "INSERT INTO lakehouse.gold.rt_video_stats_1min (video_id) VALUES ('x')"));
  await denied(q("dashboard", "DELETE FROM lakehouse.bronze.raw_events WHERE event_id = 'x'"));
  await denied(q("dashboard", "UPDATE lakehouse.dims.dim_videos SET status = 'banned'"));
  await denied(q("dashboard", "CREATE TABLE lakehouse.gold.evil (x int)"));
  await denied(q("dashboard", "DROP TABLE lakehouse.gold.batch_video_daily"));
  await denied(q("dashboard", "CREATE OR REPLACE VIEW lakehouse.gold.rt_watermark AS SELECT 1 AS x"));
});

test("the writer can write data but not change schemas", async () => {
  await q("writer", "INSERT INTO lakehouse.meta.job_checkpoints (job, state, recorded_at) VALUES ('access_test', 'committed', current_timestamp)");
  await q("writer", "DELETE FROM lakehouse.meta.job_checkpoints WHERE job = 'access_test'");
  await denied(q("writer", "CREATE TABLE lakehouse.gold.evil (x int)"));
  await denied(q("writer", "DROP TABLE lakehouse.gold.batch_video_daily"));
  await denied(q("writer", "ALTER TABLE lakehouse.silver.fact_user_engagement ADD COLUMN evil varchar"));
});
