import assert from "node:assert/strict";
import { test } from "node:test";
import { type Batch, batchesBefore, batchOfEventId, durationMs, overlapping } from "./batches";

// One batch a minute, each started at :25 and committed 3 s later; the burst runs 120_000..190_000.
const batch = (id: number, started: number | null, committed: number | null): Batch => ({ batchId: id, startedMs: started, committedMs: committed });
const BATCHES = [
  batch(1, 25_000, 28_000),
  batch(2, 85_000, 88_000),
  batch(3, 145_000, 151_000), // inside the burst
  batch(4, 205_000, 208_000), // after it
  batch(5, 189_000, null), // started inside the burst's last second, still running
  batch(6, null, 100_000), // its 'started' row lies before the window read: no duration
];

test("durationMs is committed - started, NaN when either is missing", () => {
  assert.equal(durationMs(BATCHES[2]!), 6_000);
  assert.ok(Number.isNaN(durationMs(BATCHES[4]!)));
  assert.ok(Number.isNaN(durationMs(BATCHES[5]!)));
});

test("overlapping: batches running at some instant of the window, including one still running", () => {
  assert.deepEqual(
    overlapping(BATCHES, 120_000, 190_000).map((b) => b.batchId),
    [3, 5],
  );
  // a window ending exactly at a batch's start, and starting exactly at another's commit, touches both
  assert.deepEqual(
    overlapping(BATCHES, 88_000, 145_000).map((b) => b.batchId),
    [2, 3],
  );
});

test("batchesBefore: the last n complete batches committed before the window, oldest first", () => {
  assert.deepEqual(
    batchesBefore(BATCHES, 120_000, 30).map((b) => b.batchId),
    [1, 2],
  );
  assert.deepEqual(
    batchesBefore(BATCHES, 120_000, 1).map((b) => b.batchId),
    [2],
  );
});

test("batchOfEventId reads the batch from a delta's SSE id", () => {
  assert.equal(batchOfEventId("b40.d1795594718522.mwvx1486.2"), 40);
  assert.equal(batchOfEventId("l3-8.d0.mwvx1486.1"), undefined);
  assert.equal(batchOfEventId(undefined), undefined);
});
