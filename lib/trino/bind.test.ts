import assert from "node:assert/strict";
import test from "node:test";
import { bindSql, SqlBindError, sqlDate, sqlInstant, sqlSegments } from "./bind";

test("strings are quoted and single quotes doubled", () => {
  assert.equal(bindSql("SELECT :a", { a: "it's" }), "SELECT 'it''s'");
});

test("hostile strings stay inside one literal", () => {
  const hostile = [
    "'; DROP TABLE lakehouse.gold.rt_video_stats_1min; --",
    "x' OR '1'='1",
    "/* comment */ 1",
    "-- comment\n' UNION SELECT * FROM system.runtime.queries --",
    "back\\slash\\' still quoted",
    "unicode ’ʼ＇ quotes and 🎬 emoji",
    "a:b :c ::d",
    "a".repeat(10_000),
  ];
  for (const h of hostile) {
    const sql = bindSql("SELECT * FROM t WHERE video_id = :id", { id: h });
    const literal = sql.slice("SELECT * FROM t WHERE video_id = ".length);
    assert.equal(literal.at(0), "'");
    assert.equal(literal.at(-1), "'");
    // Inside the literal, every quote is doubled: removing pairs leaves no lone quote.
    assert.ok(!literal.slice(1, -1).replaceAll("''", "").includes("'"), `lone quote for ${h.slice(0, 30)}`);
    assert.equal(literal.slice(1, -1).replaceAll("''", "'"), h);
  }
});

test("NUL bytes are refused", () => {
  assert.throws(() => bindSql("SELECT :a", { a: "a\u0000b" }), SqlBindError);
});

test("placeholders inside literals, quoted identifiers and comments are not replaced", () => {
  const sql = bindSql(`SELECT ':a', "x:a", :a -- :a\n/* :a */`, { a: 1 });
  assert.equal(sql, `SELECT ':a', "x:a", 1 -- :a\n/* :a */`);
});

test("sqlSegments tells code, literals and comments apart and loses nothing", () => {
  const text = `SELECT 'it''s -- :a', "q""x" -- c ; 'x\n/* b */ :b;`;
  const segments = sqlSegments(text);
  assert.deepEqual(segments, [
    { kind: "code", text: "SELECT " },
    { kind: "quoted", text: "'it''s -- :a'" },
    { kind: "code", text: ", " },
    { kind: "quoted", text: '"q""x"' },
    { kind: "code", text: " " },
    { kind: "comment", text: "-- c ; 'x" },
    { kind: "code", text: "\n" },
    { kind: "comment", text: "/* b */" },
    { kind: "code", text: " :b;" },
  ]);
  assert.equal(segments.map((s) => s.text).join(""), text);
  assert.throws(() => sqlSegments("SELECT 'open"), /unterminated quote/);
  assert.throws(() => sqlSegments("SELECT /* open"), /unterminated block comment/);
});

test("every placeholder needs a value and every value a placeholder", () => {
  assert.throws(() => bindSql("SELECT :a, :b", { a: 1 }), /no value for placeholder :b/);
  assert.throws(() => bindSql("SELECT :a", { a: 1, b: 2 }), /not used by the template: b/);
  assert.throws(() => bindSql("SELECT 1", { "a;drop": 1 } as never), /bad placeholder name/);
});

test("numbers: safe integers plain, others as DOUBLE, non-finite refused", () => {
  assert.equal(bindSql(":a", { a: 42 }), "42");
  assert.equal(bindSql(":a", { a: -7 }), "-7");
  assert.equal(bindSql(":a", { a: 1.5 }), "DOUBLE '1.5'");
  assert.equal(bindSql(":a", { a: 2 ** 60 }), "DOUBLE '1152921504606847000'");
  assert.throws(() => bindSql(":a", { a: Number.NaN }), SqlBindError);
  assert.throws(() => bindSql(":a", { a: Infinity }), SqlBindError);
  assert.equal(bindSql(":a", { a: 9007199254740993n }), "9007199254740993");
  assert.throws(() => bindSql(":a", { a: 2n ** 63n }), SqlBindError);
});

test("booleans, nulls, arrays", () => {
  assert.equal(bindSql(":a, :b, :c", { a: true, b: null, c: ["x", "y'z"] }), "TRUE, NULL, ARRAY['x', 'y''z']");
  assert.throws(() => bindSql(":a", { a: [] }), /empty array/);
});

test("dates are validated calendar dates", () => {
  assert.equal(bindSql(":d", { d: sqlDate("2026-02-28") }), "DATE '2026-02-28'");
  assert.throws(() => sqlDate("2026-02-30"), SqlBindError);
  assert.throws(() => sqlDate("2026-1-1"), SqlBindError);
  assert.throws(() => sqlDate("2026-01-01'; --"), SqlBindError);
  assert.throws(() => bindSql(":d", { d: { kind: "date", value: "1' OR 1=1" } }), SqlBindError);
});

test("instants render as UTC timestamps with microseconds", () => {
  assert.equal(bindSql(":t", { t: new Date(Date.UTC(2026, 10, 24, 12, 3, 4, 567)) }), "TIMESTAMP '2026-11-24 12:03:04.567000 UTC'");
  assert.equal(bindSql(":t", { t: sqlInstant(1_764_000_000_123_456n) }), "TIMESTAMP '2025-11-24 16:00:00.123456 UTC'");
  assert.throws(() => bindSql(":t", { t: new Date(Number.NaN) }), SqlBindError);
});
