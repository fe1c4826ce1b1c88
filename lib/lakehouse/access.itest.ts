/** File-based access control: the dashboard reads only, the jobs write data but not schemas. */
import assert from "node:assert/strict";
import { before, test } from "node:test";
import { q, requireTestInstance, rows } from "../../tools/testing/trino-fixtures";
import { TrinoQueryError } from "../trino/client";

before(requireTestInstance);

const denied = async (p: Promise<unknown>) => {
  await assert.rejects(p, (err: unknown) => err instanceof TrinoQueryError && err.errorName === "PERMISSION_DENIED" && /Access Denied/.test(err.message));
};

test("the dashboard user can read tables and views", async () => {
  const r = await rows<{ n: number }>("dashboard", "SELECT count(*) AS n FROM lakehouse.gold.rt_platform_minute");
  assert.equal(typeof r[0]!.n, "number");
  await q("dashboard", "SELECT * FROM lakehouse.gold.batch_video_daily LIMIT 1");
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

test("an unknown user can do nothing in the lakehouse", async () => {
  const { runQuery } = await import("../trino/client");
  const { serverUrl } = await import("./settings");
  const { testInstance } = await import("../../tools/testing/trino-fixtures");
  await assert.rejects(
    runQuery({ server: serverUrl(testInstance), user: "mallory" }, "SELECT count(*) FROM lakehouse.gold.rt_video_stats_1min"),
    (err: unknown) => err instanceof TrinoQueryError && /Access Denied/.test(err.message),
  );
});
