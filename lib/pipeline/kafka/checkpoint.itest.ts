/**
 * The Kafka consumers' checkpoints against the real Trino: written to meta.ingest_checkpoints, and a
 * lakehouse whose consumers checkpointed in meta.job_checkpoints before that table existed resumes
 * from its newest batch there. Each test uses its own job name, so the live jobs' rows do not matter.
 */
import assert from "node:assert/strict";
import { before, test } from "node:test";
import { insertRows, requireTestInstance, rows, testInstance } from "../../../tools/testing/trino-fixtures";
import { connectionFor } from "../../lakehouse/connection";
import { sqlInstant } from "../../trino/bind";
import { latestCheckpoint, recordCheckpoint } from "./checkpoint";
import { rangesDetail } from "./ingest-plan";

const writer = () => connectionFor(testInstance, "writer");
const job = (name: string) => `kafka:itest-${name}-${Date.now().toString(36)}`;

before(requireTestInstance);

test("a batch is 'started', then 'committed', in meta.ingest_checkpoints and nowhere else", async () => {
  const j = job("record");
  assert.equal(await latestCheckpoint(writer(), j), undefined);
  await recordCheckpoint(writer(), { job: j, batchId: 1, state: "started", ranges: [[0, 0, 5]], rows: null, deadLetters: null });
  assert.deepEqual(await latestCheckpoint(writer(), j), { batch_id: 1, committed: false, detail: rangesDetail([[0, 0, 5]]) });
  await recordCheckpoint(writer(), { job: j, batchId: 1, state: "committed", ranges: [[0, 0, 5]], rows: 4, deadLetters: 1 });
  assert.deepEqual(await latestCheckpoint(writer(), j), { batch_id: 1, committed: true, detail: rangesDetail([[0, 0, 5]]) });
  const kept = await rows<{ state: string; rows_written: number | null; dead_letters: number | null }>(
    "admin",
    "SELECT state, rows_written, dead_letters FROM lakehouse.meta.ingest_checkpoints WHERE job = :job ORDER BY recorded_at",
    { job: j },
  );
  assert.deepEqual(kept, [
    { state: "started", rows_written: null, dead_letters: null },
    { state: "committed", rows_written: 4, dead_letters: 1 },
  ]);
  const [old] = await rows<{ n: number }>("admin", "SELECT count(*) AS n FROM lakehouse.meta.job_checkpoints WHERE job = :job", { job: j });
  assert.equal(old!.n, 0);
});

test("checkpoints written to meta.job_checkpoints before the table existed are where the consumer resumes", async () => {
  const j = job("legacy");
  const at = (ms: number) => sqlInstant(new Date(ms));
  const now = Date.now();
  await insertRows(
    "lakehouse.meta.job_checkpoints",
    ["job", "batch_id", "state", "rows_written", "events_counted", "recorded_at", "detail"],
    [
      [j, 6, "started", null, null, at(now - 20_000), rangesDetail([[0, 0, 10]])],
      [j, 6, "committed", 10, 0, at(now - 19_000), rangesDetail([[0, 0, 10]])],
      [j, 7, "started", null, null, at(now - 10_000), rangesDetail([[0, 10, 30]])],
    ],
  );
  // Batch 7 was interrupted before the upgrade: the consumer finds it, uncommitted, with its ranges.
  assert.deepEqual(await latestCheckpoint(writer(), j), { batch_id: 7, committed: false, detail: rangesDetail([[0, 10, 30]]) });
  // Its recovery commits it in the new table; the batch is then committed, whichever table holds which row.
  await recordCheckpoint(writer(), { job: j, batchId: 7, state: "committed", ranges: [[0, 10, 30]], rows: 20, deadLetters: 0 });
  assert.deepEqual(await latestCheckpoint(writer(), j), { batch_id: 7, committed: true, detail: rangesDetail([[0, 10, 30]]) });
  await recordCheckpoint(writer(), { job: j, batchId: 8, state: "started", ranges: [[0, 30, 31]], rows: null, deadLetters: null });
  assert.deepEqual(await latestCheckpoint(writer(), j), { batch_id: 8, committed: false, detail: rangesDetail([[0, 30, 31]]) });
});
