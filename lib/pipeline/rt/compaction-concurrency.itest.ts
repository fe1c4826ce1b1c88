/**
 * RT log compaction (compactRtLog, every 10 min in the live pipeline) and the micro-batch at the
 * same time, against the real Trino: Iceberg's optimistic commits must let both through, and the
 * compaction must neither drop the micro-batch's freshly committed rows nor count them twice.
 *
 * Fixture: the log already holds 20 commits of old batches, each 100 videos (v_1..v_100) x 7 days
 * (2026-11-18..24, minutes 10:00..10:04), one file per (day, bucket): 20 x 7 x 16 = 2,240 small
 * files, 70,000 rows of 1 impression and 1 play each. Compacting that many files takes seconds; the
 * micro-batch starts once Trino shows the compaction running (its snapshot already fixed), so the
 * micro-batch's commit lands while the compaction works or just after it, never before it planned.
 * Bronze holds three events of v_1 in minute B = 2026-11-24 11:00, delivered at B + 70 s:
 * impression, play_start, impression. The micro-batch (batch 1) writes one row, v_1@B {impressions
 * 2, play_start 1}, in one new file of a partition that also holds 20 old files.
 * Afterwards: 70,001 rows, 70,002 impressions, 70,001 plays; the compaction replaced exactly the
 * 2,240 files it planned with by 7 x 16 = 112 and left the micro-batch's file alone: 113 files,
 * in one linear history (each snapshot's parent the one before), whichever of the two committed first.
 */
import assert from "node:assert/strict";
import { before, test } from "node:test";
import { writeBronze } from "../../../tools/testing/bronze-writer";
import { insertRows, q, requireTestInstance, rows, testInstance } from "../../../tools/testing/trino-fixtures";
import { waitUntil } from "../../../tools/testing/wait";
import { connectionFor } from "../../lakehouse/connection";
import { sqlInstant } from "../../trino/bind";
import { compactRtLog } from "../maintenance";
import { COMMIT_SAFETY_MS, runMicroBatch } from "./microbatch";

const B = Date.UTC(2026, 10, 24, 11, 0, 0);
const S = 1000;
const OLD_COMMITS = 20;
const writer = () => connectionFor(testInstance, "writer");
const payload = JSON.stringify({ device_model: "Pixel 8", network: "wifi", app_ver: "8.2.0", watch_time_ms: 0 });

before(async () => {
  requireTestInstance();
  for (const t of ["bronze.raw_events", "gold.rt_video_stats_1min", "meta.job_checkpoints", "dims.dim_videos"]) await q("admin", `DELETE FROM lakehouse.${t}`);
  for (let c = 0; c < OLD_COMMITS; c++) {
    await q(
      "admin",
      `INSERT INTO lakehouse.gold.rt_video_stats_1min (video_id, window_start, impressions, likes, shares, play_start, play_finish, batch_id)
       SELECT 'v_' || CAST(v AS varchar), TIMESTAMP '2026-11-18 10:00:00 UTC' + d * INTERVAL '1' DAY + m * INTERVAL '1' MINUTE, 1, 0, 0, 1, 0, -1 - :c
       FROM UNNEST(sequence(1, 100)) a (v) CROSS JOIN UNNEST(sequence(0, 6)) b (d) CROSS JOIN UNNEST(sequence(0, 4)) c (m)`,
      { c },
    );
  }
  await insertRows(
    "lakehouse.dims.dim_videos",
    ["video_id", "category", "upload_time", "status"],
    [["v_1", "Gaming", sqlInstant(new Date(B - 3_600_000)), "active"]],
  );
  const ev = (id: string, type: string, at: number) => ({
    event_id: id,
    event_timestamp: at,
    video_id: "v_1",
    user_id: "u1",
    event_type: type,
    raw_payload: payload,
  });
  await writeBronze(
    writer(),
    [ev("c1", "impression", B + 5 * S), ev("c2", "play_start", B + 10 * S), ev("c3", "impression", B + 20 * S)],
    [B + 70 * S, B + 70 * S, B + 70 * S],
  );
});

const files = async () => (await rows<{ n: number }>("admin", `SELECT count(*) AS n FROM lakehouse.gold."rt_video_stats_1min$files"`))[0]!.n;

/** Whether the compaction statement is past planning (its base snapshot fixed) and still working. */
async function compactionRunning(): Promise<boolean> {
  const r = await rows("admin", "SELECT 1 FROM system.runtime.queries WHERE state = 'RUNNING' AND query LIKE '%rt_video_stats_1min EXECUTE optimize%'");
  return r.length > 0;
}

test("compaction and a micro-batch committing at the same time: both succeed, nothing is lost or compacted away", async (t) => {
  assert.equal(await files(), OLD_COMMITS * 7 * 16);
  const t0 = Date.now();
  const compaction = compactRtLog(writer()).then(() => Date.now() - t0);
  await waitUntil(compactionRunning, 30_000, "the compaction to be running in Trino", 20);
  const batch = await runMicroBatch(writer(), { nowMs: B + 80 * S + COMMIT_SAFETY_MS });
  const batchDoneMs = Date.now() - t0;
  const compactionMs = await compaction;
  t.diagnostic(`micro-batch done ${batchDoneMs} ms after the compaction started, which took ${compactionMs} ms`);

  assert.deepEqual([batch.batchId, batch.recovered, batch.rowsWritten, batch.eventsCounted], [1, false, 1, 3]);
  const fresh = await rows(
    "admin",
    "SELECT video_id, to_unixtime(window_start) * 1000 AS ms, impressions, play_start FROM lakehouse.gold.rt_video_stats_1min WHERE batch_id = 1",
  );
  assert.deepEqual(fresh, [{ video_id: "v_1", ms: B, impressions: 2, play_start: 1 }]);
  const [sums] = await rows("admin", "SELECT count(*) AS n, sum(impressions) AS impressions, sum(play_start) AS plays FROM lakehouse.gold.rt_video_stats_1min");
  assert.deepEqual(sums, { n: 70_001, impressions: 70_002, plays: 70_001 });

  // The last two snapshots are the micro-batch's append and the compaction's replace, in either
  // order, each on top of the one before; the replace rewrote only the 2,240 files it planned with.
  const snaps = await rows<{ operation: string; parent_is_previous: boolean; added: string; deleted: string | null }>(
    "admin",
    `SELECT operation, parent_id = lag(snapshot_id) OVER (ORDER BY committed_at) AS parent_is_previous,
            element_at(summary, 'added-data-files') AS added, element_at(summary, 'deleted-data-files') AS deleted
     FROM lakehouse.gold."rt_video_stats_1min$snapshots" ORDER BY committed_at DESC LIMIT 2`,
  );
  t.diagnostic(
    `commit order: ${snaps
      .map((x) => x.operation)
      .reverse()
      .join(" then ")}`,
  );
  assert.deepEqual(
    [...snaps].sort((a, b) => a.operation.localeCompare(b.operation)),
    [
      { operation: "append", parent_is_previous: true, added: "1", deleted: null },
      { operation: "replace", parent_is_previous: true, added: "112", deleted: "2240" },
    ],
  );
  assert.equal(await files(), 7 * 16 + 1);
});
