/** `migrate` is idempotent: a second run applies nothing and changes no table or view; its ledger names every sql/ddl file once. */
import assert from "node:assert/strict";
import fs from "node:fs";
import { before, test } from "node:test";
import { requireTestInstance, rows, testInstance } from "../../tools/testing/trino-fixtures";
import { connectionFor, templateVars } from "./connection";
import { DDL_DIR, loadDdlFiles, migrate } from "./migrate";

before(requireTestInstance);

/** The .sql files of sql/ddl, read from the folder itself, in name order. */
const ddlFileNames = () =>
  fs
    .readdirSync(DDL_DIR)
    .filter((f) => f.endsWith(".sql"))
    .sort();

async function catalogState() {
  const tables = await rows<{ table_schema: string; table_name: string }>(
    "admin",
    "SELECT table_schema, table_name FROM lakehouse.information_schema.tables WHERE table_schema IN ('meta','bronze','silver','dims','gold') AND table_type = 'BASE TABLE' ORDER BY 1, 2",
  );
  const snapshots: Record<string, string> = {};
  for (const t of tables) {
    const [s] = await rows<{ id: string | null }>(
      "admin",
      `SELECT CAST(max_by(snapshot_id, committed_at) AS varchar) AS id FROM lakehouse.${t.table_schema}."${t.table_name}$snapshots"`,
    );
    snapshots[`${t.table_schema}.${t.table_name}`] = s?.id ?? "none";
  }
  const views = await rows("admin", "SELECT table_schema, table_name, view_definition FROM lakehouse.information_schema.views ORDER BY 1, 2");
  return { snapshots, views };
}

test("running migrate twice more applies nothing and changes nothing", async () => {
  const conn = connectionFor(testInstance, "admin");
  const before = await catalogState();
  const first = await migrate(conn, templateVars(testInstance));
  const second = await migrate(conn, templateVars(testInstance));
  assert.deepEqual(first.applied, []);
  assert.deepEqual(second.applied, []);
  assert.equal(first.skipped, ddlFileNames().length);
  assert.equal(second.skipped, ddlFileNames().length);
  const after = await catalogState();
  assert.deepEqual(after, before);
  // Every base table of the lakehouse was compared, not a subset.
  assert.deepEqual(Object.keys(after.snapshots), [
    "bronze.dead_letters",
    "bronze.raw_events",
    "dims.dim_users",
    "dims.dim_users_history",
    "dims.dim_videos",
    "dims.dim_videos_history",
    "gold.batch_platform_daily",
    "gold.batch_video_daily",
    "gold.rt_platform_15min",
    "gold.rt_video_stats_1min",
    "meta.ingest_checkpoints",
    "meta.job_checkpoints",
    "meta.schema_migrations",
    "silver.fact_user_engagement",
  ]);
});

test("the ledger holds exactly one row per sql/ddl file, by name, with that file's checksum", async () => {
  const ledger = await rows<{ file_name: string; checksum: string; n: number }>(
    "admin",
    "SELECT file_name, max(checksum) AS checksum, count(*) AS n FROM lakehouse.meta.schema_migrations GROUP BY file_name ORDER BY file_name",
  );
  const files = loadDdlFiles(templateVars(testInstance));
  assert.deepEqual(
    ledger.map((r) => r.file_name),
    ddlFileNames(),
  );
  assert.deepEqual(
    ledger.map((r) => [r.file_name, r.n, r.checksum]),
    files.map((f) => [f.name, 1, f.checksum]),
  );
});
