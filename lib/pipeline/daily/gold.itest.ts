/**
 * Gold daily job against the real Trino (Bronze -> Silver job -> Gold job), checked against
 * hand-computed numbers.
 *
 * Dates: D = 2026-03-10, N = 2026-03-11. Videos: A Gaming until D 15:00 then Comedy; B Music; C News.
 * Day D (s1, s2: a user's first and second session):
 *   u1 s1  10:00 play_start A (watch 60 000), 10:01 play_finish A, 10:02 play_start A (30 000),
 *          10:03 play_start B (10 000)
 *   u1 s2  14:00 play_start A (20 000)                 (over 30 min after 10:03: new session)
 *   u2     11:00 play_start A (60 000), 11:01 play_finish A, 11:05 play_start B (0)
 *   u3     12:00 impression A, 12:00:05 play_finish B (no start), 12:01 impression C
 *   u4     16:00 play_start B (30 000), 16:00:30 play_finish B
 *   u5     23:50 play_start A (5 000); its play_finish A comes at N 00:05
 * Day N: u1 09:00 play_start A (1 000), u2 10:00 impression A, u4 10:00 play_start C (2 000),
 *        u6 11:00 play_start A (3 000), u5 00:05 play_finish A (u5's D session).
 */
import assert from "node:assert/strict";
import { before, beforeEach, test } from "node:test";
import { q, requireTestInstance, rows } from "../../../tools/testing/trino-fixtures";
import { sqlDate } from "../../trino/bind";
import {
  at,
  checkpoints,
  clearDailyTables,
  type Ev,
  type GoldRow,
  goldRows,
  insertBronze,
  insertVideoVersions,
  videoVersion,
  withoutUpdatedAt,
  writer,
} from "./fixtures";
import { runGoldDaily } from "./gold";
import { runSilverDaily } from "./silver";

const D = "2026-03-10";
const N = "2026-03-11";

async function loadFixture(): Promise<void> {
  await insertVideoVersions([
    videoVersion("A", "Gaming", 60_000, at("2026-03-01"), at(D, 15)),
    videoVersion("A", "Comedy", 60_000, at(D, 15), null),
    videoVersion("B", "Music", 30_000, at("2026-03-01"), null),
    videoVersion("C", "News", 20_000, at("2026-03-01"), null),
  ]);
  const e = (id: string, user: string, video: string, type: string, ms: number, watch = 0): Ev => ({ id, user, video, type, ms, watch });
  await insertBronze([
    e("d1", "u1", "A", "play_start", at(D, 10), 60_000),
    e("d2", "u1", "A", "play_finish", at(D, 10, 1)),
    e("d3", "u1", "A", "play_start", at(D, 10, 2), 30_000),
    e("d4", "u1", "B", "play_start", at(D, 10, 3), 10_000),
    e("d5", "u1", "A", "play_start", at(D, 14), 20_000),
    e("d6", "u2", "A", "play_start", at(D, 11), 60_000),
    e("d7", "u2", "A", "play_finish", at(D, 11, 1)),
    e("d8", "u2", "B", "play_start", at(D, 11, 5), 0),
    e("d9", "u3", "A", "impression", at(D, 12)),
    e("d10", "u3", "B", "play_finish", at(D, 12, 0, 5)),
    e("d11", "u3", "C", "impression", at(D, 12, 1)),
    e("d12", "u4", "B", "play_start", at(D, 16), 30_000),
    e("d13", "u4", "B", "play_finish", at(D, 16, 0, 30)),
    e("d14", "u5", "A", "play_start", at(D, 23, 50), 5_000),
    e("n1", "u5", "A", "play_finish", at(N, 0, 5)),
    e("n2", "u1", "A", "play_start", at(N, 9), 1_000),
    e("n3", "u2", "A", "impression", at(N, 10)),
    e("n4", "u4", "C", "play_start", at(N, 10), 2_000),
    e("n5", "u6", "A", "play_start", at(N, 11), 3_000),
  ]);
}

type Metrics = Omit<GoldRow, "updated_at" | "viewers_hll">;
/** REAL columns compared at float32 precision: Trino prints the shortest decimal of the float. */
const real = (x: number | null) => (x === null ? null : Math.fround(x));
const metrics = (r: readonly GoldRow[]): Metrics[] =>
  r.map(({ updated_at: _u, viewers_hll: _h, ...m }) => ({ ...m, completion_rate: real(m.completion_rate), retention_d1: real(m.retention_d1) }));
/** One video's metrics; completion is given as the pairs it is made of, [finished, started]. */
const m = (video_id: string, category: string, watchMs: number, [finished, started]: [number, number], viewers: number, retention: number | null): Metrics => ({
  video_id,
  category_at_date: category,
  total_watch_time_hrs: watchMs / 3.6e6,
  completion_rate: real(started === 0 ? null : finished / started),
  unique_viewers: viewers,
  retention_d1: real(retention),
  plays_started: started,
  plays_finished: finished,
});

// plays_started / plays_finished are the started / finished (session, video) pairs below, exactly;
// completion_rate is their ratio (NULL with nothing started), and C's impressions make a row of 0 / 0.
// D. A: watch 60 000 + 30 000 + 20 000 + 60 000 + 5 000; started (session, A) pairs u1 s1, u1 s2, u2, u5 = 4,
//      finished u1 s1, u2 = 2; viewers {u1, u2, u5}; category at the end of D: Comedy.
//    B: watch 10 000 + 0 + 30 000; started u1 s1, u2, u4 = 3 (u3's finish without a start is no pair), finished u4;
//      viewers {u1, u2, u4}.  C: impressions only.
// Retention (returners on N = users with a play_start on N = {u1, u4, u6}; u2 and u5 had none):
//    A: {u1, u2, u5} ∩ returners = {u1} -> 1/3;  B: {u1, u2, u4} ∩ returners = {u1, u4} -> 2/3;  C: no viewers -> NULL.
const dRows = (retention: boolean): Metrics[] => [
  m("A", "Comedy", 175_000, [2, 4], 3, retention ? 1 / 3 : null),
  m("B", "Music", 40_000, [1, 3], 3, retention ? 2 / 3 : null),
  m("C", "News", 0, [0, 0], 0, null),
];
// N. A: watch 1 000 + 3 000; started u1, u6, none finished (u5's finish belongs to a play started on D); viewers {u1, u6}.
//    C: watch 2 000; started u4, not finished; viewers {u4}. Retention waits for N + 1: NULL.
const N_ROWS: Metrics[] = [m("A", "Comedy", 4_000, [0, 2], 2, null), m("C", "News", 2_000, [0, 1], 1, null)];

before(requireTestInstance);
beforeEach(clearDailyTables);

test("one day's metrics; retention_d1 stays NULL until the next day's Silver is committed, then is exact", async (t) => {
  await loadFixture();
  const s = await runSilverDaily(writer(), D);
  const g = await runGoldDaily(writer(), D);
  t.diagnostic(`fixture day: Silver ${s.rows} rows in ${s.durationMs} ms, Gold ${g.rows} rows in ${g.durationMs} ms`);
  assert.deepEqual({ date: g.date, rows: g.rows }, { date: D, rows: 3 });
  assert.deepEqual(metrics(await goldRows(D)), dRows(false));
  assert.deepEqual(await checkpoints("gold_daily"), [
    { job: "gold_daily", batch_id: 20260310, state: "committed", complete_through: "2026-03-11T00:00:00.000000Z", rows_written: 3, detail: D },
  ]);

  await runSilverDaily(writer(), N);
  const beforeFill = await goldRows(D);
  assert.deepEqual(metrics(beforeFill), dRows(false));
  await runGoldDaily(writer(), N);
  const afterFill = await goldRows(D);
  assert.deepEqual(metrics(afterFill), dRows(true));
  // Filling retention touched no other column of D's rows, updated_at included.
  assert.deepEqual(
    afterFill.map((r) => ({ ...r, retention_d1: null })),
    beforeFill,
  );
  assert.deepEqual(metrics(await goldRows(N)), N_ROWS);

  // A's viewers: {u1, u2, u5} on D and {u1, u6} on N: 3 + 2 summed, but 4 distinct.
  const [merged] = await rows<{ uniques: number }>(
    "admin",
    "SELECT cardinality(merge(CAST(viewers_hll AS HyperLogLog))) AS uniques FROM lakehouse.gold.batch_video_daily WHERE video_id = 'A' AND date BETWEEN :d AND :n",
    { d: sqlDate(D), n: sqlDate(N) },
  );
  assert.equal(merged!.uniques, 4);
});

test("re-runs leave identical rows, category_at_date stays frozen, an empty day touches nothing", async () => {
  await loadFixture();
  await runSilverDaily(writer(), D);
  await runSilverDaily(writer(), N);
  // N is already complete, so this first Gold run of D writes its retention at once.
  await runGoldDaily(writer(), D);
  await runGoldDaily(writer(), N);
  const [d1, n1] = [await goldRows(D), await goldRows(N)];
  assert.deepEqual(metrics(d1), dRows(true));

  await runGoldDaily(writer(), D);
  assert.deepEqual(withoutUpdatedAt(await goldRows(D)), withoutUpdatedAt(d1));
  assert.deepEqual(await goldRows(N), n1);
  // Silver and then Gold of D again: the same Gold rows.
  await runSilverDaily(writer(), D);
  await runGoldDaily(writer(), D);
  assert.deepEqual(withoutUpdatedAt(await goldRows(D)), withoutUpdatedAt(d1));

  // A late correction of A's history does not rewrite the category already written for D.
  await q("admin", "UPDATE lakehouse.dims.dim_videos_history SET category = 'Sports' WHERE video_id = 'A' AND category = 'Comedy'");
  await runGoldDaily(writer(), D);
  assert.deepEqual(withoutUpdatedAt(await goldRows(D)), withoutUpdatedAt(d1));

  const d2 = await goldRows(D);
  const empty = await runGoldDaily(writer(), "2026-03-15");
  assert.equal(empty.rows, 0);
  assert.deepEqual(await goldRows("2026-03-15"), []);
  assert.deepEqual(await goldRows(D), d2);
  assert.deepEqual(withoutUpdatedAt(await goldRows(N)), withoutUpdatedAt(n1));
});
