/**
 * gold.batch_platform_daily against the real Trino (Bronze -> Silver job -> Gold job), checked
 * against hand-computed numbers, on a fixture where platform and per-video retention differ.
 *
 * Dates: D = 2026-04-07, N = 2026-04-08. Videos A, B, C.
 * Day D:
 *   u1  10:00 play_start A (watch 10 000), 10:01 play_finish A, 10:05 play_start B (20 000)
 *   u2  11:00 play_start A (30 000)
 *   u3  12:00 play_start B (5 000), 12:01 play_finish B
 *   u4  13:00 impression A                        (no play: not a viewer)
 * Day N:
 *   u1  09:00 play_start C (1 000)                 (u1 returns, to a third video)
 *   u4  10:00 play_start A (2 000)
 */
import assert from "node:assert/strict";
import { before, beforeEach, test } from "node:test";
import { q, requireTestInstance, rows } from "../../../tools/testing/trino-fixtures";
import { sqlDate } from "../../trino/bind";
import { runJob } from "../job-sql";
import { at, clearDailyTables, type Ev, goldRows, insertBronze, insertVideoVersions, videoVersion, writer } from "./fixtures";
import { runGoldDaily } from "./gold";
import { runSilverDaily } from "./silver";

const D = "2026-04-07";
const N = "2026-04-08";

async function loadFixture(): Promise<void> {
  await insertVideoVersions([
    videoVersion("A", "Gaming", 60_000, at("2026-04-01"), null),
    videoVersion("B", "Music", 30_000, at("2026-04-01"), null),
    videoVersion("C", "News", 20_000, at("2026-04-01"), null),
  ]);
  const e = (id: string, user: string, video: string, type: string, ms: number, watch = 0): Ev => ({ id, user, video, type, ms, watch });
  await insertBronze([
    e("d1", "u1", "A", "play_start", at(D, 10), 10_000),
    e("d2", "u1", "A", "play_finish", at(D, 10, 1)),
    e("d3", "u1", "B", "play_start", at(D, 10, 5), 20_000),
    e("d4", "u2", "A", "play_start", at(D, 11), 30_000),
    e("d5", "u3", "B", "play_start", at(D, 12), 5_000),
    e("d6", "u3", "B", "play_finish", at(D, 12, 1)),
    e("d7", "u4", "A", "impression", at(D, 13)),
    e("n1", "u1", "C", "play_start", at(N, 9), 1_000),
    e("n2", "u4", "A", "play_start", at(N, 10), 2_000),
  ]);
}

type PlatformRow = {
  date: string;
  unique_viewers: number;
  cohort_viewers: number;
  retained_viewers: number | null;
  retention_d1: number | null;
  plays_started: number;
  plays_finished: number;
  total_watch_time_hrs: number;
  viewers_hll: string;
  updated_at: string;
};

const platformRows = () =>
  rows<PlatformRow>(
    "admin",
    `SELECT CAST(date AS varchar) AS date, unique_viewers, cohort_viewers, retained_viewers, retention_d1, plays_started, plays_finished,
            total_watch_time_hrs, to_base64(viewers_hll) AS viewers_hll, to_iso8601(updated_at) AS updated_at
     FROM lakehouse.gold.batch_platform_daily ORDER BY date`,
  );

const metrics = (r: readonly PlatformRow[]) => r.map(({ viewers_hll: _h, updated_at: _u, ...m }) => m);

// D: cohort {u1, u2, u3} (u4 only saw an impression); pairs (u1, A) started + finished, (u1, B), (u2, A),
//    (u3, B) started + finished: 4 started, 2 finished; watch 10 000 + 20 000 + 30 000 + 5 000 = 65 000 ms.
//    Returners on N = {u1, u4}: retained = {u1} -> 1 of 3.
const dRow = (known: boolean) => ({
  date: D,
  unique_viewers: 3,
  cohort_viewers: 3,
  retained_viewers: known ? 1 : null,
  retention_d1: known ? 1 / 3 : null,
  plays_started: 4,
  plays_finished: 2,
  total_watch_time_hrs: 65_000 / 3.6e6,
});
// N: cohort {u1, u4}; 2 started pairs, none finished; watch 3 000 ms. N + 1 is never built: NULL.
const N_ROW = {
  date: N,
  unique_viewers: 2,
  cohort_viewers: 2,
  retained_viewers: null,
  retention_d1: null,
  plays_started: 2,
  plays_finished: 0,
  total_watch_time_hrs: 3_000 / 3.6e6,
};

before(requireTestInstance);
beforeEach(clearDailyTables);

test("platform D1 retention counts a user once however many videos they watched, and stays NULL until the next day is complete", async () => {
  await loadFixture();
  await runSilverDaily(writer(), D);
  await runGoldDaily(writer(), D);
  // N's Silver is not built yet: D's next day is incomplete, so its retention is unknown, not 0.
  assert.deepEqual(metrics(await platformRows()), [dRow(false)]);

  await runSilverDaily(writer(), N);
  await runGoldDaily(writer(), N);
  assert.deepEqual(metrics(await platformRows()), [dRow(true), N_ROW]);

  // Per video, A's viewers {u1, u2} and B's viewers {u1, u3} each kept 1 of 2: 0.5 and 0.5, so any
  // viewer-weighted mean of them is 0.5, while the platform kept 1 of its 3 viewers.
  const perVideo = (await goldRows(D)).map((r) => [r.video_id, r.retention_d1, r.unique_viewers]);
  assert.deepEqual(perVideo, [
    ["A", 0.5, 2],
    ["B", 0.5, 2],
  ]);

  // The platform row's additive columns equal the video mart's sums for the same day.
  const [sums] = await rows<{ started: number; finished: number; watch: number }>(
    "admin",
    "SELECT sum(plays_started) AS started, sum(plays_finished) AS finished, sum(total_watch_time_hrs) AS watch FROM lakehouse.gold.batch_video_daily WHERE date = :d",
    { d: sqlDate(D) },
  );
  assert.deepEqual(sums, { started: 4, finished: 2, watch: 65_000 / 3.6e6 });
});

test("a re-run over unchanged Silver rewrites nothing, an empty day keeps no row, and a stale row goes", async () => {
  await loadFixture();
  for (const date of [D, N]) await runSilverDaily(writer(), date);
  for (const date of [D, N]) await runGoldDaily(writer(), date);
  const first = await platformRows();
  assert.deepEqual(metrics(first), [dRow(true), N_ROW]);

  for (const date of [D, N]) await runGoldDaily(writer(), date);
  assert.deepEqual(await platformRows(), first, "a re-run left every column, updated_at included, as it was");

  await runGoldDaily(writer(), "2026-04-20");
  assert.deepEqual(await platformRows(), first, "a day without events adds no row");

  // N's Silver loses its events (a rebuilt date can end up empty): N's row goes, and D's retention,
  // now that N has no returners, drops to 0 of 3.
  await q("admin", "DELETE FROM lakehouse.bronze.raw_events WHERE event_id LIKE 'n%'");
  await runSilverDaily(writer(), N);
  await runGoldDaily(writer(), N);
  assert.deepEqual(metrics(await platformRows()), [{ ...dRow(true), retained_viewers: 0, retention_d1: 0 }]);
});

test("dates built before the platform mart existed are due again; dates built after are done", async () => {
  const checkpoint = (batchId: number, recordedAt: string) =>
    q(
      "admin",
      `INSERT INTO lakehouse.meta.job_checkpoints (job, batch_id, state, complete_through, rows_written, recorded_at, detail)
       VALUES ('gold_daily', :id, 'committed', current_timestamp, 0, from_iso8601_timestamp(:at), 'test')`,
      { id: batchId, at: recordedAt },
    );
  await checkpoint(20260407, "2000-01-01T00:00:00Z");
  await checkpoint(20260408, new Date().toISOString());
  const done = await runJob<{ date: string }>(writer(), "gold_daily_committed_dates");
  assert.deepEqual(
    done.rows.map((r) => r.date),
    [N],
  );
});
