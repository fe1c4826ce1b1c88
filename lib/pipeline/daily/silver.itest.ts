/**
 * Silver daily job against the real Trino, checked against hand-computed rows.
 *
 * Dates: P = 2026-03-09, D = 2026-03-10. Dims (SCD2):
 *   V1 Gaming [P-1, D 12:00), then Comedy [D 12:00, -), 60 s long; V2 Music, 30 s; V3 has no version.
 *   U1 Low [P-1, D 12:00), then VIP [D 12:00, -); U2 High; U3 has no version.
 * Bronze:
 *   U1  a1 D 09:00:00 impression V1 (payload without watch_time_ms, another device)
 *       a2 D 09:00:10 play_start V1 watch 45 000, delivered twice: the later copy says 99 999
 *       a3 D 09:30:10 play_finish V1   gap exactly 30 min      -> same session as a1
 *       a4 D 10:00:11 play_start V2 watch 15 000, gap 30 min 1 s -> new session
 *       a5 D 11:59:59 play_start V1 watch 60 000 (new session; Low, Gaming: before 12:00)
 *       a6 D 12:00:00 like V1 (same session as a5; VIP, Comedy: versions start at 12:00)
 *   U2  b1 P 23:40 play_start V2 watch 30 000, b2 P 23:50 play_finish V2,
 *       b3 D 00:10 play_start V2 watch 6 000, b4 D 00:15 play_finish V2: one session from P 23:40
 *   U3  c1 D 13:00 play_start V3 watch "1000.4" (rounded to 1 000; no dims -> NULLs),
 *       c3 D 23:59:59.999 impression V2 (last instant of D), c2 D+1 00:00 impression V3 (not D)
 */
import assert from "node:assert/strict";
import { before, beforeEach, test } from "node:test";
import { requireTestInstance } from "../../../tools/testing/trino-fixtures";
import {
  at,
  checkpoints,
  clearDailyTables,
  type Ev,
  insertBronze,
  insertUserVersions,
  insertVideoVersions,
  MIN,
  payloadOf,
  type SilverRow,
  sessionId,
  silverRows,
  userVersion,
  videoVersion,
  writer,
} from "./fixtures";
import { runSilverDaily } from "./silver";

const P2 = "2026-03-08";
const P = "2026-03-09";
const D = "2026-03-10";

async function loadFixture(): Promise<void> {
  await insertVideoVersions([
    videoVersion("V1", "Gaming", 60_000, at(P2), at(D, 12)),
    videoVersion("V1", "Comedy", 60_000, at(D, 12), null),
    videoVersion("V2", "Music", 30_000, at(P2), null),
  ]);
  await insertUserVersions([userVersion("U1", "Low", at(P2), at(D, 12)), userVersion("U1", "VIP", at(D, 12), null), userVersion("U2", "High", at(P2), null)]);
  const events: Ev[] = [
    { id: "a1", user: "U1", video: "V1", type: "impression", ms: at(D, 9), payload: '{"device_model":"iPhone 15","network":"5g","app_ver":"9.0.0"}' },
    { id: "a2", user: "U1", video: "V1", type: "play_start", ms: at(D, 9, 0, 10), watch: 45_000, ingestedMs: at(D, 9, 5) },
    { id: "a2", user: "U1", video: "V1", type: "play_start", ms: at(D, 9, 0, 10), watch: 99_999, ingestedMs: at(D, 9, 10) },
    { id: "a3", user: "U1", video: "V1", type: "play_finish", ms: at(D, 9, 30, 10) },
    { id: "a4", user: "U1", video: "V2", type: "play_start", ms: at(D, 10, 0, 11), watch: 15_000 },
    { id: "a5", user: "U1", video: "V1", type: "play_start", ms: at(D, 11, 59, 59), watch: 60_000 },
    { id: "a6", user: "U1", video: "V1", type: "like", ms: at(D, 12) },
    { id: "b1", user: "U2", video: "V2", type: "play_start", ms: at(P, 23, 40), watch: 30_000 },
    { id: "b2", user: "U2", video: "V2", type: "play_finish", ms: at(P, 23, 50) },
    { id: "b3", user: "U2", video: "V2", type: "play_start", ms: at(D, 0, 10), watch: 6_000 },
    { id: "b4", user: "U2", video: "V2", type: "play_finish", ms: at(D, 0, 15) },
    {
      id: "c1",
      user: "U3",
      video: "V3",
      type: "play_start",
      ms: at(D, 13),
      payload: '{"device_model":"Galaxy S24","network":"4g","app_ver":"8.1.0","watch_time_ms":1000.4}',
    },
    { id: "c3", user: "U3", video: "V2", type: "impression", ms: at(D, 23, 59, 59) + 999 },
    { id: "c2", user: "U3", video: "V3", type: "impression", ms: at("2026-03-11") },
  ];
  await insertBronze(events);
}

const sU1a = sessionId("U1", "2026-03-10T09:00:00.000000Z");
const sU1b = sessionId("U1", "2026-03-10T10:00:11.000000Z");
const sU1c = sessionId("U1", "2026-03-10T11:59:59.000000Z");
const sU2 = sessionId("U2", "2026-03-09T23:40:00.000000Z");
const sU3a = sessionId("U3", "2026-03-10T13:00:00.000000Z");
const sU3b = sessionId("U3", "2026-03-10T23:59:59.999000Z");

const row = (
  event_id: string,
  time: string,
  user_id: string,
  video_id: string,
  session_id: string,
  event_type: string,
  watch_time_ms: number,
  video_duration_ms: number | null,
  completion_rate: number | null,
  ltv: string | null,
  category: string | null,
  device = ["Pixel 8", "wifi", "8.2.0"],
): SilverRow => ({
  event_id,
  ts: `2026-03-10T${time}Z`,
  date: D,
  user_id,
  video_id,
  session_id,
  event_type,
  watch_time_ms,
  video_duration_ms,
  completion_rate,
  ltv_segment_at_event: ltv,
  category_at_event: category,
  device_model: device[0]!,
  network: device[1]!,
  app_ver: device[2]!,
});

// completion_rate = watch / duration for play_start: 6 000/30 000, 45 000/60 000, 15 000/30 000, 60 000/60 000.
const EXPECTED_D: SilverRow[] = [
  row("b3", "00:10:00.000000", "U2", "V2", sU2, "play_start", 6_000, 30_000, 0.2, "High", "Music"),
  row("b4", "00:15:00.000000", "U2", "V2", sU2, "play_finish", 0, 30_000, null, "High", "Music"),
  row("a1", "09:00:00.000000", "U1", "V1", sU1a, "impression", 0, 60_000, null, "Low", "Gaming", ["iPhone 15", "5g", "9.0.0"]),
  row("a2", "09:00:10.000000", "U1", "V1", sU1a, "play_start", 45_000, 60_000, 0.75, "Low", "Gaming"),
  row("a3", "09:30:10.000000", "U1", "V1", sU1a, "play_finish", 0, 60_000, null, "Low", "Gaming"),
  row("a4", "10:00:11.000000", "U1", "V2", sU1b, "play_start", 15_000, 30_000, 0.5, "Low", "Music"),
  row("a5", "11:59:59.000000", "U1", "V1", sU1c, "play_start", 60_000, 60_000, 1, "Low", "Gaming"),
  row("a6", "12:00:00.000000", "U1", "V1", sU1c, "like", 0, 60_000, null, "VIP", "Comedy"),
  row("c1", "13:00:00.000000", "U3", "V3", sU3a, "play_start", 1_000, null, null, null, null, ["Galaxy S24", "4g", "8.1.0"]),
  row("c3", "23:59:59.999000", "U3", "V2", sU3b, "impression", 0, 30_000, null, null, "Music"),
];

before(requireTestInstance);
beforeEach(clearDailyTables);

test("one day: dedup, the 30-minute rule, a session across midnight, point-in-time dims, payload parsing", async (t) => {
  await loadFixture();
  const r = await runSilverDaily(writer(), D);
  t.diagnostic(`Silver ${D}: ${r.rows} rows in ${r.durationMs} ms`);
  assert.deepEqual({ date: r.date, rows: r.rows }, { date: D, rows: 10 });
  assert.deepEqual(await silverRows(D), EXPECTED_D);
  assert.deepEqual(await checkpoints("silver_daily"), [
    { job: "silver_daily", batch_id: 20260310, state: "committed", complete_through: "2026-03-11T00:00:00.000000Z", rows_written: 10, detail: D },
  ]);
  // D-1 holds U2's first two events in the same session that D continues.
  await runSilverDaily(writer(), P);
  assert.deepEqual(
    (await silverRows(P)).map((x) => [x.event_id, x.session_id]),
    [
      ["b1", sU2],
      ["b2", sU2],
    ],
  );
});

test("re-runs replace exactly their date; an empty day writes nothing and touches nothing", async () => {
  await loadFixture();
  await runSilverDaily(writer(), P);
  await runSilverDaily(writer(), D);
  const [p1, d1] = [await silverRows(P), await silverRows(D)];
  assert.equal(p1.length, 2);
  const again = await runSilverDaily(writer(), D);
  assert.equal(again.rows, 10);
  assert.deepEqual(await silverRows(D), d1);
  assert.deepEqual(await silverRows(P), p1);

  const empty = await runSilverDaily(writer(), "2026-03-15");
  assert.equal(empty.rows, 0);
  assert.deepEqual(await silverRows("2026-03-15"), []);
  assert.deepEqual(await silverRows(D), d1);
  assert.deepEqual(await silverRows(P), p1);
  assert.deepEqual(
    (await checkpoints("silver_daily")).map((c) => [c.batch_id, c.rows_written]),
    [
      [20260309, 2],
      [20260310, 10],
      [20260310, 10],
      [20260315, 0],
    ],
  );
});

test("a session that never pauses 30 minutes through the whole previous day keeps its first id", async () => {
  // U4 acts every 20 minutes from D-2 23:00 to D 00:20: one session (77 events), started D-2 23:00.
  const start = at(P2, 23);
  const events: Ev[] = [];
  for (let k = 0; start + k * 20 * MIN <= at(D, 0, 20); k++) {
    events.push({ id: `u4-${k}`, user: "U4", video: "V2", type: "impression", ms: start + k * 20 * MIN, payload: payloadOf(0) });
  }
  assert.equal(events.length, 77);
  await insertBronze(events);
  for (const day of [P2, P, D]) await runSilverDaily(writer(), day);
  const original = sessionId("U4", "2026-03-08T23:00:00.000000Z");
  const ids = new Set([...(await silverRows(P)), ...(await silverRows(D))].map((x) => x.session_id));
  assert.deepEqual([...ids], [original]);
  // D's rows: 00:00 and 00:20.
  assert.deepEqual(
    (await silverRows(D)).map((x) => x.ts),
    ["2026-03-10T00:00:00.000000Z", "2026-03-10T00:20:00.000000Z"],
  );
});
