import assert from "node:assert/strict";
import test from "node:test";
import { CATALOG_SQL_DIR } from "./catalog-tables";
import { loadMigrationFiles, type MigrationFile, pendingMigrations } from "./migration-files";
import { REPO_ROOT } from "./settings";

const file = (name: string, checksum: string, isView = false): MigrationFile => ({ name, sql: "x", checksum, isView });

test("pending: unrecorded files in order; recorded ones skipped; a changed view again", () => {
  const files = [file("001_a.sql", "a1"), file("002_v.sql", "v2", true), file("003_b.sql", "b1")];
  const ledger = new Map([
    ["001_a.sql", "a1"],
    ["002_v.sql", "v1"],
  ]);
  assert.deepEqual(
    pendingMigrations(files, ledger, "sql/x").map((f) => f.name),
    ["002_v.sql", "003_b.sql"],
  );
  assert.deepEqual(pendingMigrations(files, new Map(files.map((f) => [f.name, f.checksum])), "sql/x"), []);
});

test("pending: a changed table file is refused before anything is applied", () => {
  const files = [file("001_a.sql", "a1"), file("002_b.sql", "b2")];
  assert.throws(() => pendingMigrations(files, new Map([["002_b.sql", "b1"]]), "sql/ops"), /sql\/ops\/002_b\.sql changed after it was applied/);
});

test("sql/catalog and sql/ops: a header and one statement per file, in name order", () => {
  for (const dir of [CATALOG_SQL_DIR, `${REPO_ROOT}/sql/ops`]) {
    const files = loadMigrationFiles(dir);
    assert.ok(files.length >= 3, dir);
    // A later shape of a table is an ALTER of it (the ledger applies each file once), an index its own file.
    for (const f of files) {
      assert.match(
        f.sql,
        /^(CREATE (SCHEMA|TABLE) IF NOT EXISTS (iceberg_catalog|pulse_ops)\b|ALTER TABLE pulse_ops\.\w+\b|CREATE INDEX IF NOT EXISTS \w+ ON pulse_ops\.\w+\b)/,
        f.name,
      );
    }
  }
});
