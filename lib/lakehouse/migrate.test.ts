import assert from "node:assert/strict";
import fs from "node:fs";
import test from "node:test";
import { renderTemplate, statementOf } from "../trino/sql-text";
import { assertIdempotent, DDL_DIR, loadDdlFiles } from "./migrate";

test("renderTemplate fills configuration values and refuses unsafe ones", () => {
  assert.equal(renderTemplate("x / {{n}} + {{ n }}", { n: 15 }), "x / 15 + 15");
  assert.throws(() => renderTemplate("{{missing}}", {}), /no value/);
  assert.throws(() => renderTemplate("{{n}}", { n: "1; DROP" }), /unsafe/);
});

test("statementOf strips comments and refuses two statements", () => {
  assert.equal(statementOf("a.sql", "-- header\nCREATE SCHEMA x -- trailing\n;\n"), "CREATE SCHEMA x");
  assert.throws(() => statementOf("b.sql", "SELECT 1; SELECT 2"), /more than one statement/);
  assert.throws(() => statementOf("c.sql", "-- only a comment\n"), /no statement/);
});

test("statementOf leaves a -- or ; inside a literal alone and drops block comments", () => {
  assert.equal(statementOf("d.sql", "-- header\nSELECT '--x; y' AS \"a;--\" /* note; */ FROM t;\n"), `SELECT '--x; y' AS "a;--"  FROM t`);
  assert.throws(() => statementOf("e.sql", "SELECT ';'; SELECT 2"), /more than one statement/);
});

test("every sql/ddl file has a header and one statement, views are recognised", () => {
  const files = loadDdlFiles({ velocity_window_minutes: 15 });
  // Exactly the folder's .sql files, each once, in name order.
  const onDisk = fs
    .readdirSync(DDL_DIR)
    .filter((f) => f.endsWith(".sql"))
    .sort();
  assert.deepEqual(
    files.map((f) => f.name),
    onDisk,
  );
  // The ten views, by name (the last three over the local Kafka catalog); every other file is a schema, table or ALTER.
  assert.deepEqual(
    files.filter((f) => f.isView).map((f) => f.name),
    [
      "012_meta_seed_progress.sql",
      "600_gold_rt_watermark.sql",
      "610_gold_rt_video_minute.sql",
      "620_gold_rt_platform_minute.sql",
      "630_gold_rt_video_velocity.sql",
      "640_gold_rt_video_velocity_24h.sql",
      "650_gold_rt_trending.sql",
      "700_ingest_kafka_events_checked.sql",
      "701_ingest_kafka_cdc_videos_checked.sql",
      "702_ingest_kafka_cdc_users_checked.sql",
    ],
  );
});

test("sql/ddl admits only statements that can run twice, since migrate records its ledger once per run", () => {
  const ok = [
    "CREATE SCHEMA IF NOT EXISTS lakehouse.meta",
    "CREATE TABLE IF NOT EXISTS lakehouse.meta.t (a bigint)",
    "create or replace view lakehouse.gold.v AS SELECT 1 AS x",
    "ALTER TABLE lakehouse.gold.t ADD COLUMN IF NOT EXISTS b varchar",
  ];
  for (const sql of ok) assert.doesNotThrow(() => assertIdempotent({ name: "x.sql", sql }), sql);
  const refused = [
    "CREATE TABLE lakehouse.meta.t (a bigint)",
    "CREATE VIEW lakehouse.gold.v AS SELECT 1 AS x",
    "ALTER TABLE lakehouse.gold.t ADD COLUMN b varchar",
    "ALTER TABLE lakehouse.gold.t DROP COLUMN b",
    "DROP TABLE lakehouse.gold.t",
    "INSERT INTO lakehouse.meta.t VALUES (1)",
    "CREATE SCHEMA lakehouse.meta",
  ];
  for (const sql of refused) assert.throws(() => assertIdempotent({ name: "x.sql", sql }), /x\.sql must be safe to apply twice/, sql);
});
