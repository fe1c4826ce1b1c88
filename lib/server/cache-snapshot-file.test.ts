import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { readSnapshot, type SnapshotEntry, writeSnapshot } from "./cache-snapshot-file";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pulse-snapshot-"));
const file = path.join(dir, "sub", "dashboard-cache.json");
const entries: SnapshotEntry<unknown>[] = [
  { key: "SELECT 1", value: { data: [1], watermark: 60_000, sql: "SELECT 1", version: "rt:7" }, fetchedAt: 5_000 },
  { key: "SELECT 2", value: { data: "x".repeat(100), watermark: null, sql: "SELECT 2", version: "rt:7" }, fetchedAt: 4_000 },
];

test("a snapshot round-trips its entries, newest first, within the byte budget", () => {
  assert.equal(writeSnapshot(file, entries, 1_000_000, 10_000), 2);
  assert.deepEqual(readSnapshot(file, 60_000, 20_000), entries);
  // A budget that holds only the first entry keeps only it.
  assert.equal(writeSnapshot(file, entries, JSON.stringify(entries[0]).length + 10, 10_000), 1);
  assert.deepEqual(readSnapshot(file, 60_000, 20_000), [entries[0]]);
  assert.deepEqual(fs.readdirSync(path.dirname(file)), ["dashboard-cache.json"], "no temporary file left behind");
});

test("too old, missing or damaged snapshots are skipped, not fatal", () => {
  writeSnapshot(file, entries, 1_000_000, 10_000);
  assert.deepEqual(readSnapshot(file, 60_000, 70_001), []);
  assert.deepEqual(readSnapshot(path.join(dir, "none.json"), 60_000), []);
  fs.writeFileSync(file, '{"format":1,"savedAt":10000,"entries":[{"key":"SEL');
  assert.deepEqual(readSnapshot(file, 60_000, 20_000), []);
  fs.writeFileSync(file, JSON.stringify({ format: 2, savedAt: 10_000, entries }));
  assert.deepEqual(readSnapshot(file, 60_000, 20_000), []);
});
