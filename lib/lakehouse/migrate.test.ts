import assert from "node:assert/strict";
import test from "node:test";
import { renderTemplate, statementOf } from "../trino/sql-text";
import { loadDdlFiles } from "./migrate";

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
  assert.ok(files.length >= 21);
  const names = files.map((f) => f.name);
  assert.deepEqual(names, [...names].sort());
  assert.equal(files.find((f) => f.name === "630_gold_rt_video_velocity.sql")?.isView, true);
  assert.equal(files.find((f) => f.name === "100_bronze_raw_events.sql")?.isView, false);
});
