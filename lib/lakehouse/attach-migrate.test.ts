import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { isLocalIngestFile, planAttach } from "./attach-migrate";
import { classifyDdl, expectedColumns, typeKey } from "./ddl-objects";
import { loadDdlFiles } from "./migrate";
import { diffTable } from "./schema-diff";

const objects = loadDdlFiles({ velocity_window_minutes: 15 }, "warehouse_prod").map(classifyDdl);
const file = (name: string, sql: string) => ({ name, sql, checksum: "x", isView: false });

describe("sql/ddl as attach mode reads it", () => {
  it("every file is a schema, a table, an added column or a view of the renamed catalog", () => {
    const kinds = (k: string) => objects.filter((o) => o.kind === k).map((o) => o.file);
    assert.deepEqual(kinds("schema"), ["001_schema_meta.sql", "002_schema_bronze.sql", "003_schema_silver.sql", "004_schema_dims.sql", "005_schema_gold.sql"]);
    assert.deepEqual(kinds("add-column"), [
      "110_ingest_bronze_raw_events_kafka_partition.sql",
      "111_ingest_bronze_raw_events_kafka_offset.sql",
      "310_silver_add_vr_headset_model.sql",
      "510_gold_batch_video_daily_add_plays_started.sql",
      "511_gold_batch_video_daily_add_plays_finished.sql",
    ]);
    assert.equal(kinds("table").length, 14);
    assert.deepEqual(kinds("view"), [
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
    ]);
  });

  it("a table's columns are its CREATE's then its ADD COLUMNs'", () => {
    assert.deepEqual(expectedColumns(objects, "gold", "batch_video_daily"), [
      { name: "date", type: "date" },
      { name: "video_id", type: "varchar" },
      { name: "category_at_date", type: "varchar" },
      { name: "total_watch_time_hrs", type: "double" },
      { name: "completion_rate", type: "real" },
      { name: "unique_viewers", type: "bigint" },
      { name: "retention_d1", type: "real" },
      { name: "viewers_hll", type: "varbinary" },
      { name: "updated_at", type: "timestamp(6) with time zone" },
      { name: "plays_started", type: "bigint" },
      { name: "plays_finished", type: "bigint" },
    ]);
    assert.deepEqual(expectedColumns(objects, "dims", "dim_videos")[3], { name: "hashtags", type: "array(varchar)" });
  });

  it("nested types split at top-level commas only; any other statement is refused", () => {
    const t = classifyDdl(file("x.sql", "CREATE TABLE IF NOT EXISTS c.s.t (a map(varchar, bigint), b decimal(10, 2)) WITH (format = 'PARQUET')"));
    assert.deepEqual(t, {
      kind: "table",
      file: "x.sql",
      schema: "s",
      name: "t",
      columns: [
        { name: "a", type: "map(varchar, bigint)" },
        { name: "b", type: "decimal(10, 2)" },
      ],
    });
    assert.equal(typeKey("decimal(10, 2)"), typeKey("DECIMAL(10,2)"));
    assert.throws(() => classifyDdl(file("y.sql", "DROP TABLE c.s.t")), /sql\/ddl\/y\.sql is neither CREATE SCHEMA IF NOT EXISTS/);
    assert.throws(() => classifyDdl(file("z.sql", "CREATE TABLE IF NOT EXISTS c.s.t (a bigint NOT NULL)")), /z\.sql: column a has more than a type/);
  });
});

describe("a table found in the attached catalog", () => {
  const expected = [
    { name: "video_id", type: "varchar" },
    { name: "plays", type: "bigint" },
    { name: "at", type: "timestamp(6) with time zone" },
  ];

  it("matches with extra nullable columns, which are reported", () => {
    const d = diffTable("gold.t", expected, [
      { name: "at", type: "timestamp(6) with time zone", nullable: true },
      { name: "video_id", type: "varchar", nullable: true },
      { name: "plays", type: "bigint", nullable: true },
      { name: "region", type: "varchar", nullable: true },
    ]);
    assert.deepEqual(d, { problems: [], notes: ["gold.t: extra column region varchar (nullable; Pulse neither reads nor writes it)"] });
  });

  it("lists every difference: a missing column, another type, an extra NOT NULL column", () => {
    const d = diffTable("gold.t", expected, [
      { name: "video_id", type: "varchar", nullable: true },
      { name: "plays", type: "integer", nullable: true },
      { name: "region", type: "varchar", nullable: false },
    ]);
    assert.deepEqual(d.problems, [
      "gold.t: column plays is integer, Pulse expects bigint",
      "gold.t: missing column at timestamp(6) with time zone",
      "gold.t: extra column region varchar is NOT NULL, and Pulse's inserts do not fill it",
    ]);
  });
});

describe("the attach plan", () => {
  const cols = (schema: string, name: string) => expectedColumns(objects, schema, name).map((c) => ({ ...c, nullable: true }));
  const found = new Map([
    ["gold.rt_video_stats_1min", { type: "BASE TABLE", columns: cols("gold", "rt_video_stats_1min") }],
    ["gold.batch_video_daily", { type: "BASE TABLE", columns: cols("gold", "batch_video_daily") }],
  ]);

  it("skips the files of tables the catalog has and Pulse did not create, applies the rest", () => {
    const plan = planAttach(objects, found, new Map());
    assert.deepEqual(plan.problems, []);
    assert.deepEqual(
      [...plan.skip],
      [
        "400_gold_rt_video_stats_1min.sql",
        "500_gold_batch_video_daily.sql",
        "510_gold_batch_video_daily_add_plays_started.sql",
        "511_gold_batch_video_daily_add_plays_finished.sql",
      ],
    );
    assert.deepEqual(
      plan.adopted.map((a) => a.table),
      ["gold.rt_video_stats_1min", "gold.batch_video_daily"],
    );
  });

  it("a table Pulse created (in its ledger) follows the ledger; a view Pulse did not create is refused", () => {
    const ledger = new Map([["400_gold_rt_video_stats_1min.sql", "sum"]]);
    const withView = new Map([...found, ["gold.rt_trending", { type: "VIEW", columns: [{ name: "video_id", type: "varchar", nullable: true }] }]]);
    const plan = planAttach(objects, withView, ledger);
    assert.equal(plan.skip.has("400_gold_rt_video_stats_1min.sql"), false);
    assert.deepEqual(plan.problems, ["gold.rt_trending: a view of this name exists and Pulse did not create it; Pulse will not replace it"]);
  });
});

describe("Pulse's own Kafka ingest files", () => {
  it("are local only: attach mode neither applies them nor expects their columns", () => {
    const local = loadDdlFiles({ velocity_window_minutes: 15 })
      .filter((f) => isLocalIngestFile(f.name))
      .map((f) => f.name);
    assert.deepEqual(local, [
      "013_ingest_meta_ingest_checkpoints.sql",
      "110_ingest_bronze_raw_events_kafka_partition.sql",
      "111_ingest_bronze_raw_events_kafka_offset.sql",
      "700_ingest_kafka_events_checked.sql",
      "701_ingest_kafka_cdc_videos_checked.sql",
      "702_ingest_kafka_cdc_users_checked.sql",
    ]);
    assert.equal(isLocalIngestFile("120_bronze_dead_letters.sql"), false);
  });
});
