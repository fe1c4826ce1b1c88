/**
 * The migrated lakehouse has the seed's tables exactly: names, columns, types, partitioning,
 * format and properties, read back from Trino itself.
 */
import assert from "node:assert/strict";
import { before, test } from "node:test";
import { requireTestInstance, rows } from "../../tools/testing/trino-fixtures";

const TS = "timestamp(6) with time zone";

const EXPECTED: Record<string, { columns: [string, string][]; partitioning: string[] }> = {
  "bronze.raw_events": {
    columns: [
      ["event_id", "varchar"],
      ["event_timestamp", TS],
      ["video_id", "varchar"],
      ["user_id", "varchar"],
      ["event_type", "varchar"],
      ["raw_payload", "varchar"],
      ["ingested_at", TS],
      // Not the seed's: where the Kafka ingest read each row (sql/ddl/110 and 111, local lakehouse only).
      ["kafka_partition", "integer"],
      ["kafka_offset", "bigint"],
    ],
    partitioning: ["hour(event_timestamp)"],
  },
  "silver.fact_user_engagement": {
    columns: [
      ["event_id", "varchar"],
      ["event_timestamp", TS],
      ["date", "date"],
      ["user_id", "varchar"],
      ["video_id", "varchar"],
      ["session_id", "varchar"],
      ["event_type", "varchar"],
      ["watch_time_ms", "bigint"],
      ["video_duration_ms", "bigint"],
      ["completion_rate", "real"],
      // documented additions
      ["ltv_segment_at_event", "varchar"],
      ["category_at_event", "varchar"],
      ["device_model", "varchar"],
      ["network", "varchar"],
      ["app_ver", "varchar"],
      // schema evolution, sql/ddl/310
      ["vr_headset_model", "varchar"],
    ],
    partitioning: ["day(event_timestamp)"],
  },
  "dims.dim_videos": {
    columns: [
      ["video_id", "varchar"],
      ["creator_id", "varchar"],
      ["category", "varchar"],
      ["hashtags", "array(varchar)"],
      ["duration_ms", "bigint"],
      ["upload_time", TS],
      ["status", "varchar"],
      ["updated_at", TS],
    ],
    partitioning: ["bucket(video_id, 16)"],
  },
  "dims.dim_users": {
    columns: [
      ["user_id", "varchar"],
      ["register_country", "varchar"],
      ["device_os", "varchar"],
      ["is_creator", "boolean"],
      ["ltv_segment", "varchar"],
      ["join_at", TS],
      ["updated_at", TS],
    ],
    partitioning: ["bucket(user_id, 16)"],
  },
  "gold.rt_video_stats_1min": {
    columns: [
      ["video_id", "varchar"],
      ["window_start", TS],
      ["upload_ts", TS],
      ["impressions", "bigint"],
      ["likes", "bigint"],
      ["shares", "bigint"],
      ["play_start", "bigint"],
      ["play_finish", "bigint"],
      ["batch_id", "bigint"],
    ],
    partitioning: ["day(window_start)", "bucket(video_id, 16)"],
  },
  "gold.rt_platform_15min": {
    columns: [
      ["window_start", TS],
      ["impressions", "bigint"],
      ["likes", "bigint"],
      ["shares", "bigint"],
      ["play_start", "bigint"],
      ["play_finish", "bigint"],
      ["batch_id", "bigint"],
    ],
    partitioning: ["day(window_start)"],
  },
  "gold.batch_video_daily": {
    columns: [
      ["date", "date"],
      ["video_id", "varchar"],
      ["category_at_date", "varchar"],
      ["total_watch_time_hrs", "double"],
      ["completion_rate", "real"],
      ["unique_viewers", "bigint"],
      ["retention_d1", "real"],
      ["viewers_hll", "varbinary"],
      ["updated_at", TS],
      ["plays_started", "bigint"],
      ["plays_finished", "bigint"],
    ],
    partitioning: ["date"],
  },
  "gold.batch_platform_daily": {
    columns: [
      ["date", "date"],
      ["unique_viewers", "bigint"],
      ["viewers_hll", "varbinary"],
      ["cohort_viewers", "bigint"],
      ["retained_viewers", "bigint"],
      ["retention_d1", "double"],
      ["plays_started", "bigint"],
      ["plays_finished", "bigint"],
      ["total_watch_time_hrs", "double"],
      ["updated_at", TS],
    ],
    partitioning: [],
  },
  "dims.dim_videos_history": {
    columns: [
      ["video_id", "varchar"],
      ["creator_id", "varchar"],
      ["category", "varchar"],
      ["hashtags", "array(varchar)"],
      ["duration_ms", "bigint"],
      ["upload_time", TS],
      ["status", "varchar"],
      ["valid_from", TS],
      ["valid_to", TS],
    ],
    partitioning: ["bucket(video_id, 16)"],
  },
  "dims.dim_users_history": {
    columns: [
      ["user_id", "varchar"],
      ["register_country", "varchar"],
      ["device_os", "varchar"],
      ["is_creator", "boolean"],
      ["ltv_segment", "varchar"],
      ["join_at", TS],
      ["valid_from", TS],
      ["valid_to", TS],
    ],
    partitioning: ["bucket(user_id, 16)"],
  },
};

before(requireTestInstance);

for (const [table, spec] of Object.entries(EXPECTED)) {
  const [schema, name] = table.split(".") as [string, string];

  test(`${table}: columns and types`, async () => {
    const cols = await rows<{ column_name: string; data_type: string }>(
      "admin",
      "SELECT column_name, data_type FROM lakehouse.information_schema.columns WHERE table_schema = :schema AND table_name = :name ORDER BY ordinal_position",
      { schema, name },
    );
    assert.deepEqual(
      cols.map((c) => [c.column_name, c.data_type]),
      spec.columns,
    );
  });

  test(`${table}: Parquet, format v2, partitioning`, async () => {
    const [ddl] = await rows<{ ddl: string }>("admin", `SHOW CREATE TABLE lakehouse.${schema}.${name}`);
    const text = Object.values(ddl!)[0] as string;
    assert.match(text, /format = 'PARQUET'/);
    assert.match(text, /format_version = 2/);
    // An unpartitioned table (a few hundred rows a year) shows no partitioning property at all.
    const m = /partitioning = ARRAY\[([^\]]*)\]/.exec(text);
    assert.deepEqual(m ? [...m[1]!.matchAll(/'([^']*)'/g)].map((x) => x[1]) : [], spec.partitioning, text);
  });
}

for (const table of ["rt_video_stats_1min", "rt_platform_15min"]) {
  test(`gold.${table} keeps metadata light (delete-after-commit)`, async () => {
    const props = await rows<{ key: string; value: string }>("admin", `SELECT key, value FROM lakehouse.gold."${table}$properties"`);
    const map = new Map(props.map((p) => [p.key, p.value]));
    assert.equal(map.get("write.metadata.delete-after-commit.enabled"), "true");
    assert.equal(map.get("write.metadata.previous-versions-max"), "20");
    assert.equal(map.get("write.format.default"), "PARQUET");
  });
}

test("the read-time views exist", async () => {
  const views = await rows<{ table_name: string }>(
    "admin",
    "SELECT table_name FROM lakehouse.information_schema.views WHERE table_schema = 'gold' ORDER BY table_name",
  );
  assert.deepEqual(
    views.map((v) => v.table_name),
    ["rt_platform_minute", "rt_trending", "rt_video_minute", "rt_video_velocity", "rt_video_velocity_24h", "rt_watermark"],
  );
});
