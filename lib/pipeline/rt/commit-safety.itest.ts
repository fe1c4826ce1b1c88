/**
 * The assumption exactly-once rests on (lib/pipeline/rt/microbatch.ts), with real slow live writes:
 * a live Bronze write is stamped ingested_at = the start of its statement and is over (committed or
 * killed by Trino) within its limit, give or take a kill racing the write's own commit, which the
 * 5 s of COMMIT_SAFETY_MS beyond the limit cover; so a micro-batch that reads only up to
 * now - COMMIT_SAFETY_MS never passes over rows that can still commit.
 *
 * The slow writes (tools/testing/slow-bronze-batch.ts) are 25,000 impressions of one video at one
 * instant in one statement of 20-30 MB: seconds of Trino's work, during which the test acts.
 */
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { before, beforeEach, test } from "node:test";
import { LIVE_WRITE_TIMEOUT_MS, writeBronze } from "../../../tools/testing/bronze-writer";
import { SLOW_BATCH_EVENTS, slowBronzeBatch } from "../../../tools/testing/slow-bronze-batch";
import { q, requireTestInstance, rows, testInstance } from "../../../tools/testing/trino-fixtures";
import { waitUntil } from "../../../tools/testing/wait";
import { connectionFor } from "../../lakehouse/connection";
import { REPO_ROOT } from "../../lakehouse/settings";
import { COMMIT_SAFETY_MS, runMicroBatch } from "./microbatch";

const MIN = 60_000;
/** The killed write's limit: the pipeline's 15 s scaled down, so a write of seconds outlives it. */
const LIMIT_MS = 1_000;
const writer = () => connectionFor(testInstance, "writer");

type WriteQuery = { query_id: string; state: string; error_code: string | null };

/** The live Bronze write Trino is working on now (the pipeline's writes run as pulse_writer), if any. */
async function bronzeWriteInFlight(): Promise<WriteQuery | undefined> {
  const [r] = await rows<WriteQuery>(
    "admin",
    `SELECT query_id, state, error_code FROM system.runtime.queries
     WHERE "user" = 'pulse_writer' AND state NOT IN ('FINISHED', 'FAILED') AND query LIKE 'INSERT INTO lakehouse.bronze.raw_events%'`,
  );
  return r;
}

async function trinoNowMs(): Promise<number> {
  const [r] = await rows<{ ms: number }>("admin", "SELECT to_unixtime(current_timestamp) * 1000 AS ms");
  return Math.floor(r!.ms);
}

before(requireTestInstance);
beforeEach(async () => {
  for (const t of ["bronze.raw_events", "gold.rt_video_stats_1min", "gold.rt_platform_15min", "meta.job_checkpoints"])
    await q("admin", `DELETE FROM lakehouse.${t}`);
});

test("a live write still in flight while a micro-batch runs is left to a later batch, then counted exactly once", async () => {
  const eventMs = (await trinoNowMs()) - 1000;
  // The pipeline's own limit (15 s), well above the ~3 s this write takes.
  const write = writeBronze(writer(), slowBronzeBatch("inflight", "v_slow", eventMs, 600));
  // Awaited below; a write that fails meanwhile fails the test there, not as an unhandled rejection.
  write.catch(() => undefined);
  await waitUntil(async () => (await bronzeWriteInFlight()) !== undefined, 30_000, "the slow Bronze write to reach Trino", 20);
  const first = await runMicroBatch(writer());
  await write;

  // The write's stamp (its statement's start) and when it committed, by Trino's clock.
  const [w] = await rows<{ stamp: number; n: number }>(
    "admin",
    "SELECT to_unixtime(min(ingested_at)) * 1000 AS stamp, count(*) AS n FROM lakehouse.bronze.raw_events",
  );
  const [c] = await rows<{ ms: number }>("admin", `SELECT to_unixtime(max(committed_at)) * 1000 AS ms FROM lakehouse.bronze."raw_events$snapshots"`);
  const firstClock = first.ingestedThroughMs + COMMIT_SAFETY_MS;
  assert.equal(w!.n, SLOW_BATCH_EVENTS);
  assert.ok(w!.stamp < firstClock && firstClock < c!.ms, "precondition: the write was stamped before the first batch read Trino's clock and committed after");
  // Without the margin the first batch would have read up to its clock, past the stamp of rows not
  // yet committed, and never looked at them again. With it, its range ends before the stamp.
  assert.ok(first.ingestedThroughMs < w!.stamp, "the first batch's range ends before the in-flight write's stamp");
  assert.deepEqual([first.batchId, first.rowsWritten, first.eventsCounted], [1, 0, 0]);

  // The next batch whose range reaches the stamp counts every event of the write, once.
  const second = await runMicroBatch(writer(), { nowMs: w!.stamp + COMMIT_SAFETY_MS });
  assert.deepEqual([second.batchId, second.rowsWritten, second.eventsCounted], [2, 1, SLOW_BATCH_EVENTS]);
  assert.deepEqual(
    await rows("admin", "SELECT video_id, to_unixtime(window_start) * 1000 AS ms, impressions, batch_id FROM lakehouse.gold.rt_video_stats_1min"),
    [{ video_id: "v_slow", ms: Math.floor(eventMs / MIN) * MIN, impressions: SLOW_BATCH_EVENTS, batch_id: 2 }],
  );
  // And the platform rollup, once, in the batch that counted it (the first batch rolled up nothing).
  assert.equal(second.rollupRows, 1);
  assert.deepEqual(await rows("admin", "SELECT to_unixtime(window_start) * 1000 AS ms, impressions, batch_id FROM lakehouse.gold.rt_platform_15min"), [
    { ms: Math.floor(eventMs / (15 * MIN)) * 15 * MIN, impressions: SLOW_BATCH_EVENTS, batch_id: 2 },
  ]);
});

test("a live write that outlives its limit is ended by Trino itself, even with its sender gone, and nothing of it lands behind the margin", async () => {
  const snapshots = async () => (await rows<{ n: number }>("admin", `SELECT count(*) AS n FROM lakehouse.bronze."raw_events$snapshots"`))[0]!.n;
  const before = await snapshots();
  // The sender kills itself once Trino has created the write (bronze-write-main.ts): only Trino's limit is left.
  const sender = spawn(process.execPath, ["--import", "tsx", "tools/testing/bronze-write-main.ts", "killed", String(Date.now()), String(LIMIT_MS)], {
    cwd: REPO_ROOT,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
  };
  sender.stdout.on("data", collect);
  sender.stderr.on("data", collect);
  const closed = new Promise<NodeJS.Signals | null>((resolve) => sender.on("close", (_code, sig) => resolve(sig)));
  // Watched from the moment it exists: Trino keeps only 5 finished queries older than 1 s
  // (query.max-history, query.min-expire-age), so a query seen late may already be forgotten.
  let queryId: string | undefined;
  let end: WriteQuery | undefined;
  await waitUntil(
    async () => {
      queryId ??= /^created (\S+)$/m.exec(output)?.[1];
      if (!queryId) return false;
      [end] = await rows<WriteQuery>("admin", "SELECT query_id, state, error_code FROM system.runtime.queries WHERE query_id = :id", { id: queryId });
      return end?.state === "FINISHED" || end?.state === "FAILED";
    },
    60_000,
    "the slow Bronze write to be created and then to end",
    20,
  );
  const signal = await closed;
  assert.equal(signal, "SIGKILL", `the sender died with the write in flight (output: ${output.trim()})`);
  const query = { query_id: queryId! };
  assert.deepEqual(end, { query_id: query!.query_id, state: "FAILED", error_code: "EXCEEDED_TIME_LIMIT" });
  // Trino's kill can race the write's own commit, so the write may still have landed, whole, in the
  // moment it was failed: what the margin needs is that it never lands later than its stamp plus
  // the limit plus the margin's slack (COMMIT_SAFETY_MS - LIVE_WRITE_TIMEOUT_MS), by Trino's clock.
  const [r] = await rows<{ n: number; stamp: number | null; committed: number | null }>(
    "admin",
    `SELECT count(*) AS n, to_unixtime(min(ingested_at)) * 1000 AS stamp,
            (SELECT to_unixtime(max(committed_at)) * 1000 FROM lakehouse.bronze."raw_events$snapshots") AS committed
     FROM lakehouse.bronze.raw_events`,
  );
  if (r!.n === 0) {
    assert.equal(await snapshots(), before, "no Bronze commit");
  } else {
    assert.equal(r!.n, SLOW_BATCH_EVENTS, "all or nothing");
    assert.ok(r!.committed! <= r!.stamp! + LIMIT_MS + COMMIT_SAFETY_MS - LIVE_WRITE_TIMEOUT_MS, "committed within the margin's bound");
  }
});
