/**
 * The lakehouse catalog lives in PostgreSQL (Iceberg's JDBC catalog): after migrate, every schema,
 * table and view of sql/ddl is a row of iceberg_catalog.* whose metadata file is in the warehouse,
 * views answer through Trino, and Trino's DDL changes those rows directly.
 */
import assert from "node:assert/strict";
import fs from "node:fs";
import { before, test } from "node:test";
import { pgRows } from "../../tools/testing/pg-fixtures";
import { q, requireTestInstance, rows, testInstance } from "../../tools/testing/trino-fixtures";
import { localFileOf } from "../../tools/testing/warehouse-files";
import { loadDdlFiles } from "./migrate";
import { CATALOG, WAREHOUSE_BUCKET } from "./settings";
import { storageOf } from "./storage-profile";

before(requireTestInstance);

/** Objects sql/ddl creates, from its CREATE statements: "schema.name" -> TABLE | VIEW, and the schemas. */
function ddlObjects() {
  const objects = new Map<string, "TABLE" | "VIEW">();
  const schemas = new Set<string>();
  for (const f of loadDdlFiles({ velocity_window_minutes: testInstance.velocityWindowMinutes })) {
    const m = /^CREATE\s+(SCHEMA IF NOT EXISTS|TABLE IF NOT EXISTS|OR REPLACE VIEW)\s+lakehouse\.(\w+)(?:\.(\w+))?/i.exec(f.sql);
    if (!m) continue; // ALTER TABLE files add columns to a table created earlier
    if (m[3] === undefined) schemas.add(m[2]!);
    else objects.set(`${m[2]}.${m[3]}`, /VIEW/i.test(m[1]!) ? "VIEW" : "TABLE");
  }
  return { objects, schemas };
}

interface CatalogRow extends Record<string, unknown> {
  name: string;
  iceberg_type: string;
  metadata_location: string;
}

const catalogRows = () =>
  pgRows<CatalogRow>(
    `SELECT table_namespace || '.' || table_name AS name, iceberg_type, metadata_location
     FROM iceberg_catalog.iceberg_tables WHERE catalog_name = $1 ORDER BY 1`,
    [CATALOG],
  );

test("iceberg_tables holds exactly the tables and views of sql/ddl, each with its type", async () => {
  const { objects } = ddlObjects();
  const found = await catalogRows();
  assert.deepEqual(
    found.map((r) => [r.name, r.iceberg_type]),
    [...objects].sort(([a], [b]) => (a < b ? -1 : 1)),
  );
  const names = found.map((r) => r.name);
  for (const known of ["bronze.raw_events", "gold.rt_video_stats_1min", "gold.batch_video_daily", "meta.schema_migrations"])
    assert.ok(names.includes(known), known);
  assert.equal(found.find((r) => r.name === "gold.rt_video_velocity")?.iceberg_type, "VIEW");
});

test("iceberg_namespace_properties holds the schemas of sql/ddl", async () => {
  const found = await pgRows<{ namespace: string }>(
    "SELECT namespace FROM iceberg_catalog.iceberg_namespace_properties WHERE catalog_name = $1 AND property_key = 'exists' ORDER BY 1",
    [CATALOG],
  );
  assert.deepEqual(
    found.map((r) => r.namespace),
    [...ddlObjects().schemas].sort(),
  );
});

test("every catalog row points at a metadata file in this instance's warehouse", async () => {
  // local:///<schema>/<table>-<uuid>/… on the default profile, s3://pulse-warehouse/<schema>/… on s3.
  const root = storageOf(testInstance) === "s3" ? `s3://${WAREHOUSE_BUCKET}/` : "local:///";
  for (const r of await catalogRows()) {
    assert.ok(r.metadata_location.startsWith(root), `${r.name}: ${r.metadata_location}`);
    assert.match(r.metadata_location.slice(root.length), /^\w+\/\w+-[0-9a-f]{32}\/metadata\/.+\.metadata\.json$/, r.name);
    assert.ok(fs.existsSync(localFileOf(testInstance, r.metadata_location)), r.metadata_location);
  }
});

test("views stored in the catalog answer through Trino", async () => {
  const [t] = await rows<{ n: number }>("dashboard", "SELECT count(*) AS n FROM lakehouse.gold.rt_trending");
  assert.equal(typeof t!.n, "number");
  const [w] = await rows<{ complete_through: string | null }>("dashboard", "SELECT complete_through FROM lakehouse.gold.rt_watermark");
  assert.ok(w, "the watermark view returns its row");
  const views = await rows<{ table_name: string }>("admin", "SELECT table_name FROM lakehouse.information_schema.views WHERE table_schema = 'gold' ORDER BY 1");
  const fromCatalog = (await catalogRows()).filter((r) => r.iceberg_type === "VIEW" && r.name.startsWith("gold.")).map((r) => r.name.slice(5));
  assert.deepEqual(
    views.map((v) => v.table_name),
    fromCatalog,
  );
});

test("a table Trino creates and drops appears in and leaves iceberg_tables", async () => {
  const probe =
    "SELECT count(*) AS n FROM iceberg_catalog.iceberg_tables WHERE catalog_name = $1 AND table_namespace = 'meta' AND table_name = 'catalog_probe'";
  await q("admin", "CREATE TABLE lakehouse.meta.catalog_probe (x integer)");
  try {
    assert.deepEqual(await pgRows(probe, [CATALOG]), [{ n: "1" }]);
  } finally {
    await q("admin", "DROP TABLE lakehouse.meta.catalog_probe");
  }
  assert.deepEqual(await pgRows(probe, [CATALOG]), [{ n: "0" }]);
});
