import assert from "node:assert/strict";
import test from "node:test";
import { readerArguments, readerEnvironment } from "./invocation";

const catalog = {
  url: "jdbc:postgresql://127.0.0.1:15432/pulse?currentSchema=iceberg_catalog",
  catalogName: "lakehouse",
  user: "pulse",
  password: "P".repeat(43),
};
const s3 = {
  kind: "s3",
  warehouse: "s3://pulse-lakehouse/",
  endpoint: "http://127.0.0.1:9000",
  region: "us-east-1",
  pathStyle: true,
  accessKeyId: "KEYID123",
  secretAccessKey: "S".repeat(40),
} as const;
const tables = [
  { table: "gold.batch_video_daily", sum: ["unique_viewers", "plays_started"] },
  { table: "gold.rt_video_stats_1min", sum: [] },
];

test("a local lakehouse: local:/// warehouse resolved under the instance's folder, one --table per table with its columns", () => {
  assert.deepEqual(readerArguments(catalog, { kind: "local", warehouseDir: "/lh/test/warehouse" }, tables), [
    "--uri",
    catalog.url,
    "--catalog",
    "lakehouse",
    "--user",
    "pulse",
    "--warehouse",
    "local:///",
    "--local-root",
    "/lh/test/warehouse",
    "--table",
    "gold.batch_video_daily=unique_viewers,plays_started",
    "--table",
    "gold.rt_video_stats_1min",
  ]);
});

test("S3: endpoint, region and path style on the command line; password and keys only in the environment", () => {
  const args = readerArguments(catalog, s3, tables);
  assert.deepEqual(args.slice(6, 14), [
    "--warehouse",
    "s3://pulse-lakehouse/",
    "--s3-endpoint",
    "http://127.0.0.1:9000",
    "--s3-region",
    "us-east-1",
    "--s3-path-style",
    "--table",
  ]);
  for (const secret of [catalog.password, s3.accessKeyId, s3.secretAccessKey]) assert.ok(!args.some((a) => a.includes(secret)), "no secret in the arguments");
  const env = readerEnvironment(catalog, s3, { NODE_ENV: "test", PATH: "/usr/bin" });
  assert.deepEqual(env, {
    NODE_ENV: "test",
    PATH: "/usr/bin",
    PULSE_CATALOG_DB_PASSWORD: catalog.password,
    AWS_ACCESS_KEY_ID: "KEYID123",
    AWS_SECRET_ACCESS_KEY: s3.secretAccessKey,
  });
});
