/** `migrate` is idempotent: a second run applies nothing and changes no table or view. */
import assert from "node:assert/strict";
import { before, test } from "node:test";
import { requireTestInstance, rows, testInstance } from "../../tools/testing/trino-fixtures";
import { connectionFor, templateVars } from "./connection";
import { migrate } from "./migrate";

before(requireTestInstance);

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
  assert.ok(first.skipped >= 21);
  const after = await catalogState();
  assert.deepEqual(after, before);
  assert.ok(Object.keys(after.snapshots).length >= 9);
});

test("the ledger holds one row per sql/ddl file", async () => {
  const [r] = await rows<{ files: number; dupes: number }>(
    "admin",
    "SELECT count(DISTINCT file_name) AS files, count(*) - count(DISTINCT file_name) AS dupes FROM lakehouse.meta.schema_migrations",
  );
  assert.equal(r!.dupes, 0);
  assert.ok(r!.files >= 21);
});
