import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { REPO_ROOT } from "../lakehouse/settings";
import { loadStatement } from "./sql-files";

const FOLDERS = ["sql/queries", "sql/jobs", "tools/bench/sql"];

test("every statement file of the dashboard, the pipeline and the benchmarks loads: a header and one statement", () => {
  for (const folder of FOLDERS) {
    const dir = path.join(REPO_ROOT, folder);
    const names = fs
      .readdirSync(dir)
      .filter((f) => f.endsWith(".sql"))
      .map((f) => f.slice(0, -4));
    assert.ok(names.length > 0, folder);
    for (const name of names) {
      const sql = loadStatement(dir, name);
      assert.match(sql, /^(SELECT|WITH|INSERT|MERGE|DELETE|UPDATE|ALTER)\b/, `${folder}/${name}.sql starts with its statement`);
    }
  }
});

test("a name that could leave its folder, and a file without a header comment, are refused", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pulse-sql-"));
  try {
    fs.writeFileSync(path.join(dir, "bare.sql"), "SELECT 1\n");
    fs.writeFileSync(path.join(dir, "ok.sql"), "-- Test statement: one.\nSELECT 1;\n");
    assert.throws(() => loadStatement(dir, "../ok"), /bad SQL file name: \.\.\/ok/);
    assert.throws(() => loadStatement(dir, "bare"), /bare\.sql must start with a header comment/);
    assert.equal(loadStatement(dir, "ok"), "SELECT 1");
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
