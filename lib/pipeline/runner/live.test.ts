import assert from "node:assert/strict";
import test from "node:test";
import { dueDates } from "./live";

const at = (iso: string) => Date.parse(iso);

test("a day's jobs are due from 09:00 UTC the next morning", () => {
  assert.deepEqual(dueDates(at("2026-11-24T08:59:59Z"), new Set(["2026-11-22"]), 2), []);
  assert.deepEqual(dueDates(at("2026-11-24T09:00:00Z"), new Set(["2026-11-22"]), 2), ["2026-11-23"]);
});

test("missed days are caught up oldest first, done days skipped", () => {
  assert.deepEqual(dueDates(at("2026-11-24T12:00:00Z"), new Set(["2026-11-22"]), 4), ["2026-11-20", "2026-11-21", "2026-11-23"]);
  assert.deepEqual(dueDates(at("2026-11-24T12:00:00Z"), new Set(), 0), []);
});
