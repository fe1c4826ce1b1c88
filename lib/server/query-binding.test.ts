/**
 * Every dashboard statement in sql/queries, bound through bindSql with hostile values: each value
 * must land inside one literal, so the statement keeps its shape (no extra statement, comment or
 * clause) whatever a request carries. The zod schemas refuse most of these long before; this is the
 * second wall.
 */
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { bindSql, type SqlParams, sqlDate, sqlInstant } from "../trino/bind";
import { statementOf } from "../trino/sql-text";

const DIR = path.join(process.cwd(), "sql", "queries");
const HOSTILE = [
  "x'; DROP TABLE lakehouse.gold.batch_video_daily; --",
  "' OR '1'='1",
  "/* */ UNION SELECT * FROM lakehouse.dims.dim_users --",
  "v_ü\u202e\u200b😀",
  "\\'; SELECT 1; --",
  "a".repeat(10_000),
];

/** Removes string literals ('' escapes included) and quoted identifiers: what is left is the statement's shape. */
const shape = (sql: string) => sql.replace(/'(?:[^']|'')*'/g, "'?'").replace(/"(?:[^"]|"")*"/g, '"?"');

function paramsFor(names: Set<string>, hostile: string): SqlParams {
  const out: Record<string, SqlParams[string]> = {};
  for (const n of names) {
    if (n === "range_start" || n === "range_end") out[n] = sqlInstant(new Date(Date.UTC(2026, 10, 24)));
    else if (n === "date_from" || n === "date_to") out[n] = sqlDate("2026-11-20");
    else if (n === "limit" || n === "range_minutes") out[n] = 25;
    else out[n] = hostile;
  }
  return out;
}

for (const file of fs.readdirSync(DIR).filter((f) => f.endsWith(".sql"))) {
  test(`sql/queries/${file}: hostile values stay inside literals`, () => {
    const text = fs.readFileSync(path.join(DIR, file), "utf8");
    assert.match(text, /^-- Dashboard query: /, "header comment saying what it is");
    const template = statementOf(file, text);
    const names = new Set([...shape(template).matchAll(/:([a-z_][a-z0-9_]*)/gi)].map((m) => m[1]!));
    const reference = shape(bindSql(template, paramsFor(names, "plain")));
    for (const hostile of HOSTILE) {
      const bound = bindSql(template, paramsFor(names, hostile));
      assert.equal(shape(bound), reference, `shape changed for ${JSON.stringify(hostile.slice(0, 30))}`);
      assert.ok(!shape(bound).includes(";"), "no statement separator outside literals");
      if (names.size > 0 && [...names].some((n) => !/^(range_|date_|limit)/.test(n))) {
        assert.ok(bound.includes(`'${hostile.replaceAll("'", "''")}'`), "the value appears once, quoted");
      }
    }
  });
}
