import assert from "node:assert/strict";
import { test } from "node:test";
import { reportLines, type SoakOutcome, verdict } from "./report";

const fault = (kind: "trino" | "main" | "postgres", atMs: number, recoveryMs: number | null) => ({ kind, atMs, pid: 1, recoveryMs, note: "" });
const clean: SoakOutcome = {
  minutes: 3,
  viewerCount: 2,
  faults: [fault("trino", 0, 18_000), fault("postgres", 60_000, 4_000), fault("main", 120_000, 14_000)],
  events: {
    sentRecords: 10,
    ackedRecords: 10,
    ackedEvents: 9,
    producerDuplicates: 1,
    bronzeRows: 10,
    lost: 0,
    doubled: 0,
    neverSent: 0,
    unconfirmed: 0,
    unconfirmedInBronze: 0,
    waitedMs: 0,
  },
  rt: { batchId: 7, throughMs: 0, cells: 40, cellsOff: 0, recomputedEvents: 100, loggedEvents: 100 },
  dims: { videosChanged: 1, videosOff: [], usersChanged: 0, usersOff: [] },
  jobs: { jobs: 7, stuck: [] },
  failures: [],
  unexplained: [],
  batches: [],
  tally: { answered: 999, failed: 1, retriedAttempts: 4, failures: [{ atMs: 0, route: "kpis", last: "ECONNREFUSED" }] },
  bursts: [],
};

test("a clean run has nothing wrong; the servers' figures leave the main command out", () => {
  assert.deepEqual(verdict(clean), []);
  const lines = reportLines(clean);
  assert.ok(lines.includes("  servers (Trino, PostgreSQL, Kafka, dashboard): median 11.0 s, p95 18.0 s, max 18.0 s"), lines.join("\n"));
  assert.ok(lines.some((l) => l.startsWith("Viewers: 999 of 1,000 requests answered with data (99.900 %), 1 failed")));
});

test("each wrong finding is named; a fault that never recovered is one", () => {
  const bad: SoakOutcome = {
    ...clean,
    faults: [...clean.faults, fault("trino", 150_000, null)],
    events: { ...clean.events, lost: 2, doubled: 1 },
    rt: { ...clean.rt, cellsOff: 3 },
    jobs: { jobs: 7, stuck: ["rt_video_stats_1min batch 9 started 400 s ago"] },
  };
  assert.deepEqual(verdict(bad), ["2 events lost", "1 events doubled", "3 Gold RT cells off", "a stuck job", "1 faults never recovered"]);
});
