import assert from "node:assert/strict";
import path from "node:path";
import { test } from "node:test";
import { REPO_ROOT } from "../../../lib/lakehouse/settings";
import { bindSql } from "../../../lib/trino/bind";
import { loadStatement } from "../../../lib/trino/sql-files";
import { coverageOf, dashboardPatterns, statementHead, statementName, statementPattern } from "./statements";

const QUERIES = path.join(REPO_ROOT, "sql", "queries");
const bound = (name: string, params: Record<string, string | number | null | Date>) => bindSql(loadStatement(QUERIES, name), params);

test("statementName tells apart the KPI and series statements, which share their first 103 characters", () => {
  const patterns = dashboardPatterns();
  const range = { range_start: null, range_end: null, range_minutes: 1440 };
  const kpis = bound("pulse_kpis", range);
  const series = bound("pulse_platform_series", { ...range, bucket: "minute", tz: "UTC" });
  assert.equal(statementHead(kpis), statementHead(series)); // why the first 60 characters are not enough
  assert.equal(statementName(kpis, patterns), "pulse_kpis");
  assert.equal(statementName(series, patterns), "pulse_platform_series");
  assert.equal(statementName(bound("rt_watermark", {}), patterns), "rt_watermark");
  assert.equal(
    statementName(
      bound("pulse_trending", {
        complete_through: new Date(Date.UTC(2026, 10, 26, 12, 0)),
        category: null,
        creator: null,
        sort: "velocity",
        limit: 25,
        window_minutes: 15,
      }),
      patterns,
    ),
    "pulse_trending",
  );
  assert.equal(statementName("SELECT 1", patterns), undefined);
});

test("statementPattern: placeholders match any bound value, whitespace runs are one space, the text may be cut short", () => {
  const p = [statementPattern("a", "SELECT x\n  FROM t\n  WHERE d = :day AND n > :n"), statementPattern("b", "SELECT x FROM u")];
  assert.equal(statementName("SELECT x FROM t WHERE d = DATE '2026-11-24' AND n > 5", p), "a");
  assert.equal(statementName("SELECT  x\tFROM u", p), "b");
  assert.equal(statementName("SELECT x FROM t WHERE d = DATE '2026-11-24' AND n > 5 AND more", p), "a"); // a prefix match
  assert.equal(statementName("SELECT x FROM v", p), undefined);
  assert.equal(statementHead("SELECT\n  a,\n  b\nFROM t", 12), "SELECT a, b ");
});

test("coverageOf: gaps run from one read's start to the next one's end, through the first read after the window", () => {
  const reads = [
    { start: 900, end: 1_100, ok: true },
    { start: 1_400, end: 1_500, ok: true },
    { start: 1_900, end: 2_000, ok: false },
    { start: 2_400, end: 2_700, ok: true },
    { start: 3_100, end: 3_200, ok: true }, // after the window: closes it
    { start: 3_600, end: 3_700, ok: true }, // not needed
  ];
  // window [1000, 3000]: gaps 1100-1000 = 100, 1500-900 = 600, 2700-1400 = 1300, 3200-2400 = 800
  assert.deepEqual(coverageOf(reads, 1_000, 3_000), { samples: 3, errors: 1, maxGapMs: 1_300, longGaps: 1 });
});

test("coverageOf without a read after the window counts up to the window's end; no reads at all is one long gap", () => {
  const reads = [{ start: 1_000, end: 1_050, ok: true }];
  // gaps: 1050 - 1000 = 50, then 1600 - 1000 = 600
  assert.deepEqual(coverageOf(reads, 1_000, 1_600), { samples: 1, errors: 0, maxGapMs: 600, longGaps: 0 });
  assert.deepEqual(coverageOf([], 0, 5_000), { samples: 0, errors: 0, maxGapMs: 5_000, longGaps: 1 });
});
