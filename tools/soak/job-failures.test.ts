import assert from "node:assert/strict";
import { test } from "node:test";
import { outsideFaults, parseJobFailures, parseMicroBatches } from "./job-failures";

const since = Date.parse("2026-11-26T23:58:00Z");
const log = [
  "23:57:59 [pulse] rt-microbatch: failed: before the soak (retrying at its next tick)",
  "23:58:30 [pulse] rt-microbatch: batch 12: 410 events -> 96 rows in 2100 ms",
  "23:59:10 [pulse] ingest: failed: Trino at https://127.0.0.1:18700 is unreachable (ECONNREFUSED) (retrying at its next tick)",
  "23:59:40 [pulse] jobs paused: Trino is down",
  "00:01:05 [pulse] rt-microbatch: failed: Query exceeded 15000 ms and was cancelled (retrying at its next tick)",
].join("\n");

test("failures after the start, dated across midnight, with job and message", () => {
  assert.deepEqual(parseJobFailures(log, since), [
    { atMs: Date.parse("2026-11-26T23:59:10Z"), job: "ingest", message: "Trino at https://127.0.0.1:18700 is unreachable (ECONNREFUSED)" },
    { atMs: Date.parse("2026-11-27T00:01:05Z"), job: "rt-microbatch", message: "Query exceeded 15000 ms and was cancelled" },
  ]);
});

test("a failure inside a fault's window is the fault's; one outside every window is not", () => {
  const failures = parseJobFailures(log, since);
  const trinoKilled = { fromMs: Date.parse("2026-11-26T23:59:09Z"), toMs: Date.parse("2026-11-27T00:00:30Z") };
  assert.deepEqual(
    outsideFaults(failures, [trinoKilled]).map((f) => f.job),
    ["rt-microbatch"],
  );
  assert.deepEqual(outsideFaults(failures, [{ ...trinoKilled, toMs: Date.parse("2026-11-27T00:02:00Z") }]), []);
});

test("committed micro-batches with their duration, recovered ones included", () => {
  const more = `${log}\n00:01:26 [pulse] rt-microbatch: batch 13 (recovered): 12 events -> 3 rows in 950 ms; complete through 00:00Z`;
  assert.deepEqual(parseMicroBatches(more, since), [
    { atMs: Date.parse("2026-11-26T23:58:30Z"), batchId: 12, durationMs: 2100 },
    { atMs: Date.parse("2026-11-27T00:01:26Z"), batchId: 13, durationMs: 950 },
  ]);
});
