/**
 * The whole pipeline on simulated traffic, against the real Trino: a small seed (200 videos, 2,000
 * users, ~40,000 events/day, duplicates and late deliveries included) through Bronze, CDC and the
 * micro-batch; Gold RT and its quarter-hour rollup must equal an independent computation over the
 * simulator's own output.
 */
import assert from "node:assert/strict";
import { before, test } from "node:test";
import { q, requireTestInstance, rows, testInstance } from "../../../tools/testing/trino-fixtures";
import { connectionFor } from "../../lakehouse/connection";
import { kafkaBootstrap } from "../../lakehouse/settings";
import { ingestDimChanges } from "../dims/cdc";
import { ingestToEnd } from "../kafka/catch-up";
import { type SeedResult, seedHistory } from "./backfill";
import { initialChanges, splitChanges, startSimulation } from "./simulation-source";

const DAY = 86_400_000;
const UNTIL = Date.UTC(2026, 10, 10, 6, 0, 0); // history: 2026-11-09 00:00 .. 2026-11-10 06:00
const SCALE = { days: 1, videos: 200, users: 2_000, eventsPerDay: 40_000, seed: 7 };
let seeded: SeedResult;

before(async () => {
  requireTestInstance();
  // Whatever the topics hold from earlier tests is ingested first (their checkpoints may have been
  // deleted since) and then deleted with Bronze and the dims below, so the seed's ingest starts after it and
  // Bronze holds the seed's events only.
  await ingestToEnd(connectionFor(testInstance, "writer"), kafkaBootstrap(testInstance), { timeoutMs: 120_000 });
  await ingestDimChanges(connectionFor(testInstance, "writer"), kafkaBootstrap(testInstance), "videos", 120_000);
  await ingestDimChanges(connectionFor(testInstance, "writer"), kafkaBootstrap(testInstance), "users", 120_000);
  for (const t of [
    "bronze.raw_events",
    "gold.rt_video_stats_1min",
    "gold.rt_platform_15min",
    "gold.batch_video_daily",
    "silver.fact_user_engagement",
    "dims.dim_videos",
    "dims.dim_users",
    "dims.dim_videos_history",
    "dims.dim_users_history",
  ]) {
    await q("admin", `DELETE FROM lakehouse.${t}`);
  }
  // The Kafka ingest's checkpoint stays: it names the offsets just ingested.
  await q("admin", "DELETE FROM lakehouse.meta.job_checkpoints WHERE NOT starts_with(job, 'kafka:')");
  seeded = await seedHistory(connectionFor(testInstance, "writer"), { ...SCALE, untilMs: UNTIL, kafkaBootstrap: kafkaBootstrap(testInstance) });
});

/** The seed's simulation replayed independently of the seed: every delivery it made up to UNTIL. */
function replaySeed() {
  return startSimulation(simConfig()).advance(UNTIL);
}

/** The seed's world: history from the UTC midnight a day before UNTIL's. */
const simConfig = () => ({
  seed: SCALE.seed,
  startMs: UNTIL - (UNTIL % DAY) - DAY,
  videos: SCALE.videos,
  users: SCALE.users,
  eventsPerDay: SCALE.eventsPerDay,
});

/** Independent expectation: replay the same simulation, keep each event_id once, count per (video, minute). */
function expectedGold(): Map<string, number[]> {
  const slice = replaySeed();
  const seen = new Set<string>();
  const types = ["impression", "like", "share", "play_start", "play_finish"];
  const out = new Map<string, number[]>();
  for (const e of slice.events) {
    if (seen.has(e.row.event_id)) continue;
    seen.add(e.row.event_id);
    const key = `${e.row.video_id}@${Math.floor(e.row.event_timestamp / 60_000)}`;
    const counts = out.get(key) ?? [0, 0, 0, 0, 0];
    counts[types.indexOf(e.row.event_type)]! += 1;
    out.set(key, counts);
  }
  return out;
}

test("Bronze holds every delivery, duplicates included", async () => {
  const slice = replaySeed();
  const [r] = await rows<{ n: number; ids: number }>("admin", "SELECT count(*) AS n, count(DISTINCT event_id) AS ids FROM lakehouse.bronze.raw_events");
  assert.equal(r!.n, slice.events.length);
  assert.equal(r!.n, seeded.events);
  assert.equal(r!.ids, new Set(slice.events.map((e) => e.row.event_id)).size);
  assert.ok(r!.n > r!.ids, "some events were delivered twice");
  assert.deepEqual(seeded.identity, { seed: 7, startMs: Date.UTC(2026, 10, 9), videos: 200, users: 2_000, eventsPerDay: 40_000 });
});

test("Gold RT equals the independent per-(video, minute) count of distinct events", async () => {
  const expected = expectedGold();
  const got = await rows<{ k: string; impressions: number; likes: number; shares: number; play_start: number; play_finish: number }>(
    "admin",
    `SELECT video_id || '@' || CAST(CAST(to_unixtime(window_start) / 60 AS bigint) AS varchar) AS k,
            sum(impressions) AS impressions, sum(likes) AS likes, sum(shares) AS shares, sum(play_start) AS play_start, sum(play_finish) AS play_finish
     FROM lakehouse.gold.rt_video_stats_1min GROUP BY 1`,
  );
  const actual = new Map(got.map((r) => [r.k, [r.impressions, r.likes, r.shares, r.play_start, r.play_finish]]));
  assert.equal(actual.size, expected.size);
  for (const [k, counts] of expected) assert.deepEqual(actual.get(k), counts, k);
});

test("the rollup equals the independent count per quarter-hour, and each batch's rows the log's of that batch", async () => {
  const expected = new Map<number, number[]>();
  for (const [k, counts] of expectedGold()) {
    const quarter = Math.floor(Number(k.split("@")[1]) / 15) * 15 * 60_000;
    const sums = expected.get(quarter) ?? [0, 0, 0, 0, 0];
    counts.forEach((c, i) => {
      sums[i]! += c;
    });
    expected.set(quarter, sums);
  }
  const got = await rows<{ q: number; impressions: number; likes: number; shares: number; play_start: number; play_finish: number }>(
    "admin",
    `SELECT to_unixtime(window_start) * 1000 AS q, sum(impressions) AS impressions, sum(likes) AS likes, sum(shares) AS shares,
            sum(play_start) AS play_start, sum(play_finish) AS play_finish
     FROM lakehouse.gold.rt_platform_15min GROUP BY 1`,
  );
  assert.deepEqual(new Map(got.map((r) => [r.q, [r.impressions, r.likes, r.shares, r.play_start, r.play_finish]])), expected);
  // The same per (quarter-hour, batch): the rollup is exactly what each batch wrote.
  const perBatch = (from: string, quarter: string) =>
    rows(
      "admin",
      `SELECT ${quarter} AS q, batch_id, sum(impressions + likes + shares + play_start + play_finish) AS events FROM ${from} GROUP BY 1, 2 ORDER BY 1, 2`,
    );
  assert.deepEqual(
    await perBatch("lakehouse.gold.rt_platform_15min", "to_unixtime(window_start)"),
    await perBatch("lakehouse.gold.rt_video_stats_1min", "floor(to_unixtime(window_start) / 900) * 900"),
  );
});

test("the dims hold exactly the simulated catalog and its changes: one current row per id, one version per change", async () => {
  // The replay's own dims: the initial catalog plus every change delivered up to UNTIL, one SCD2
  // version per (id, change time), one current row per id.
  const sim = startSimulation(simConfig());
  const initial = initialChanges(sim);
  const changes = splitChanges(sim.advance(UNTIL).changes);
  const videos = [...initial.videos, ...changes.videos];
  const users = [...initial.users, ...changes.users];
  const [d] = await rows<{ videos: number; video_versions: number; users: number; user_versions: number }>(
    "admin",
    `SELECT (SELECT count(*) FROM lakehouse.dims.dim_videos) AS videos, (SELECT count(*) FROM lakehouse.dims.dim_videos_history) AS video_versions,
            (SELECT count(*) FROM lakehouse.dims.dim_users) AS users, (SELECT count(*) FROM lakehouse.dims.dim_users_history) AS user_versions`,
  );
  assert.deepEqual(d, {
    videos: new Set(videos.map((v) => v.video_id)).size,
    video_versions: new Set(videos.map((v) => `${v.video_id}@${v.changed_ms}`)).size,
    users: SCALE.users,
    user_versions: new Set(users.map((u) => `${u.user_id}@${u.changed_ms}`)).size,
  });
  assert.ok(d!.videos > SCALE.videos && d!.video_versions > d!.videos, "the day had uploads and changes, so the counts above test something");
});

test("the completed day went through Silver and Gold daily: one Gold row per video with events that day", async () => {
  assert.deepEqual(seeded.days, ["2026-11-09"]);
  const [s] = await rows<{ n: number }>("admin", "SELECT count(*) AS n FROM lakehouse.silver.fact_user_engagement WHERE date = DATE '2026-11-09'");
  const [b] = await rows<{ n: number }>(
    "admin",
    "SELECT count(DISTINCT event_id) AS n FROM lakehouse.bronze.raw_events WHERE event_timestamp >= TIMESTAMP '2026-11-09 00:00:00 UTC' AND event_timestamp < TIMESTAMP '2026-11-10 00:00:00 UTC'",
  );
  assert.equal(s!.n, b!.n);
  // Independently of Gold: the videos of that day's distinct simulated events, and Silver's own
  // (session, video) pairs with a play_start, and those that also have a play_finish.
  const dayVideos = new Set(
    replaySeed()
      .events.map((e) => e.row)
      .filter((r) => r.event_timestamp >= Date.UTC(2026, 10, 9) && r.event_timestamp < Date.UTC(2026, 10, 10))
      .map((r) => r.video_id),
  );
  const [pairs] = await rows<{ started: number; finished: number }>(
    "admin",
    `SELECT count_if(started) AS started, count_if(started AND finished) AS finished FROM (
       SELECT bool_or(event_type = 'play_start') AS started, bool_or(event_type = 'play_finish') AS finished
       FROM lakehouse.silver.fact_user_engagement WHERE date = DATE '2026-11-09' AND session_id IS NOT NULL
       GROUP BY session_id, video_id)`,
  );
  const [g] = await rows<{ n: number; started: number; finished: number }>(
    "admin",
    "SELECT count(*) AS n, sum(plays_started) AS started, sum(plays_finished) AS finished FROM lakehouse.gold.batch_video_daily WHERE date = DATE '2026-11-09'",
  );
  assert.deepEqual(g, { n: dayVideos.size, started: pairs!.started, finished: pairs!.finished });
});

test("the seed recorded its progress day by day, then its end (meta.seed_progress: 1 of 1 day, finished)", async () => {
  const progress = await rows<{ state: string; through: number; events: number }>(
    "admin",
    "SELECT state, to_unixtime(complete_through) * 1000 AS through, events_counted AS events FROM lakehouse.meta.job_checkpoints WHERE job = 'seed' ORDER BY recorded_at, state DESC",
  );
  // Slices of 4 h from 2026-11-09 00:00: the day ends at 2026-11-10 00:00, history at 06:00.
  assert.deepEqual(
    progress.map((p) => [p.state, p.through]),
    [
      ["started", Date.UTC(2026, 10, 9)],
      ["started", Date.UTC(2026, 10, 10)],
      ["started", UNTIL],
      ["committed", UNTIL],
    ],
  );
  assert.equal(progress[0]!.events, 0);
  assert.equal(progress[3]!.events, seeded.events);
  const [p] = await rows<{ days_done: number; days_total: number; finished: boolean }>(
    "dashboard",
    "SELECT days_done, days_total, finished FROM lakehouse.meta.seed_progress",
  );
  assert.deepEqual(p, { days_done: 1, days_total: 1, finished: true });
});
