/**
 * The end-to-end suite's data: a small, hand-made lakehouse written into the test Trino before the
 * dashboard starts. Every number the tests expect is derived by hand in EXPECTED below from these
 * rows. Times hang off T, the RT watermark (a committed micro-batch checkpoint a few minutes back),
 * so the views' answers do not move while the suite runs.
 */

import { sqlDate, sqlInstant } from "../lib/trino/bind";
import { insertRows, q, trinoMinuteNow } from "../tools/testing/trino-fixtures";

const MIN = 60_000;
const DAY = 86_400_000;

export const VIDEOS = { a: "v_e2e_a", b: "v_e2e_b", banned: "v_e2e_banned", quiet: "v_e2e_quiet" } as const;
export const DAYS = { d1: "2026-11-20", d2: "2026-11-21" } as const;
/** A day only the platform mart holds (its retention is the tile's comparison). */
export const PLATFORM_D0 = "2026-11-19";

/** Hand-computed answers (see the row list in writeFixtures). */
export const EXPECTED = {
  kpis1h: {
    current: { impressions: 145, plays: 86, finishes: 55, likes: 15, shares: 15, completionRate: 55 / 86, likesPer1k: 15_000 / 145, sharesPer1k: 15_000 / 145 },
    previous: { impressions: 100, plays: 50, finishes: 50, likes: 0, shares: 0, completionRate: 1, likesPer1k: 0, sharesPer1k: 0 },
    /** 10 minutes of a a week before T - 10 min .. T - 1 min: 20 impressions, 2 likes, 8 plays, 4 finishes each. */
    previousWeek: { impressions: 200, plays: 80, finishes: 40, likes: 20, shares: 0, completionRate: 0.5, likesPer1k: 100, sharesPer1k: 0 },
  },
  /** Minute T - 5 min: a's 5 impressions, 3 plays + 1 late play (correction row), b's 2 impressions, 1 play. */
  seriesAtTminus5: { impressions: 7, plays: 5, finishes: 2, likes: 1, shares: 1 },
  trending: [
    { videoId: VIDEOS.a, category: "Gaming", velocity: 46 / 15, acceleration: (46 - 15) / 225 },
    { videoId: VIDEOS.b, category: "Music", velocity: 15 / 15, acceleration: 15 / 225 },
  ],
  videoA: {
    plays24h: 61,
    impressions24h: 105,
    finishes24h: 45,
    likes24h: 15,
    completionRate24h: 45 / 61,
    velocity: 46 / 15,
    category: "Gaming",
    status: "active",
  },
  dailyVideos: [
    { videoId: VIDEOS.a, category: "Gaming", watchHours: 4.0, completionRate: 0.75, uniqueViewers: 4, retentionD1: 0.5, days: 2 },
    { videoId: VIDEOS.b, category: "Music", watchHours: 1.0, completionRate: 1.0, uniqueViewers: 1, retentionD1: 1.0, days: 1 },
  ],
  categoryDays: [
    // retentionD1: the videos' known retention weighted by viewers; a's d2 retention is unknown.
    { date: DAYS.d1, category: "Gaming", watchHours: 1.5, completionRate: 0.6, uniqueViewers: 3, videos: 1, retentionD1: 0.5 },
    { date: DAYS.d2, category: "Gaming", watchHours: 2.5, completionRate: 0.8, uniqueViewers: 2, videos: 1, retentionD1: null },
    { date: DAYS.d2, category: "Music", watchHours: 1.0, completionRate: 1.0, uniqueViewers: 1, videos: 1, retentionD1: 1.0 },
  ],
  /**
   * D1 retention over d1..d2. Platform (gold.batch_platform_daily rows below): d1's cohort {u1, u2, u3},
   * of whom u1 and u3 played on d2: 2 / 3; d2's cohort {u1, u3, u4} waits for d3: unknown.
   * Categories, over videos with a known retention weighted by viewers: Gaming on d1 = a's 0.5 (3 viewers),
   * on d2 a's retention is unknown, so no point; Music on d2 = b's 1.0 (1 viewer).
   */
  retention: {
    platform: { d0: 0.5, d0Cohort: 4, d0Retained: 2, d1: 2 / 3, d1Cohort: 3, d1Retained: 2, d2Cohort: 3, range: 2 / 3 },
    gaming: { d1: 0.5, range: 0.5, viewers: 3 },
    music: { d2: 1.0, range: 1.0, viewers: 1 },
  },
  /** min_viewers=1: a's range retention 0.5 (bin 5 of 10), b's 1.0 (the last bin). */
  distribution: { counts: [0, 0, 0, 0, 0, 1, 0, 0, 0, 1], lowest: ["v_e2e_a", "v_e2e_b"], highest: ["v_e2e_b", "v_e2e_a"] },
} as const;

type RtRow = [video: string, at: number, impressions: number, likes: number, shares: number, plays: number, finishes: number];

export async function writeFixtures(): Promise<{ watermark: number }> {
  const T = (await trinoMinuteNow()) - 5 * MIN;
  const rt: RtRow[] = [];
  for (let k = 1; k <= 15; k++) {
    rt.push([VIDEOS.a, T - k * MIN, 5, 1, 0, 3, 2]); // recent window of a
    rt.push([VIDEOS.a, T - (15 + k) * MIN, 2, 0, 0, 1, 1]); // previous window of a
    rt.push([VIDEOS.b, T - k * MIN, 2, 0, 1, 1, 0]); // recent window of b
  }
  rt.push([VIDEOS.a, T - 5 * MIN, 0, 0, 0, 1, 0]); // correction row: a late play for an old minute
  rt.push([VIDEOS.banned, T - 3 * MIN, 10, 0, 0, 10, 10]); // counts in platform totals, never in trending
  rt.push([VIDEOS.a, T, 1000, 1000, 1000, 1000, 1000]); // the open minute: must never be drawn
  for (let k = 1; k <= 10; k++) rt.push([VIDEOS.a, T - DAY - k * MIN, 10, 0, 0, 5, 5]); // the same hour yesterday
  for (let k = 1; k <= 10; k++) rt.push([VIDEOS.a, T - 7 * DAY - k * MIN, 20, 2, 0, 8, 4]); // the same hour a week ago
  const upload: Record<string, number> = { [VIDEOS.a]: T - DAY, [VIDEOS.b]: T - 2 * 3_600_000, [VIDEOS.banned]: T - 3 * DAY };
  await insertRows(
    "lakehouse.gold.rt_video_stats_1min",
    ["video_id", "window_start", "upload_ts", "impressions", "likes", "shares", "play_start", "play_finish", "batch_id"],
    rt.map(([v, at, i, l, s, p, f]) => [v, sqlInstant(new Date(at)), sqlInstant(new Date(upload[v]!)), i, l, s, p, f, 1]),
  );
  await insertRows(
    "lakehouse.meta.job_checkpoints",
    ["job", "batch_id", "state", "complete_through", "rows_written", "recorded_at", "detail"],
    [
      ["rt_video_stats_1min", 1, "committed", sqlInstant(new Date(T)), rt.length, sqlInstant(new Date(T + 30_000)), "e2e fixture"],
      ["gold_daily", 20261121, "committed", sqlInstant(new Date(Date.parse(`${DAYS.d2}T00:00:00Z`) + DAY)), 3, sqlInstant(new Date(T)), "e2e fixture"],
    ],
  );
  // Two records the Kafka ingest set aside: the nav and /api/health count them (the newest at T - 2 min).
  await insertRows(
    "lakehouse.bronze.dead_letters",
    ["topic", "kafka_partition", "kafka_offset", "reason", "message_bytes", "message_prefix", "batch_id", "dead_at"],
    [
      ["pulse.events", 0, 41, "not JSON", 8, "not json", 7, sqlInstant(new Date(T - 10 * MIN))],
      ["pulse.events", 2, 17, "unknown event_type: explode", 96, '{"event_type":"explode"}', 9, sqlInstant(new Date(T - 2 * MIN))],
    ],
  );
  const dim = (id: string, category: string, status: string, uploadMs: number) => [
    id,
    "u_e2e",
    category,
    ["e2e"],
    30_000,
    sqlInstant(new Date(uploadMs)),
    status,
    sqlInstant(new Date(uploadMs)),
  ];
  await insertRows(
    "lakehouse.dims.dim_videos",
    ["video_id", "creator_id", "category", "hashtags", "duration_ms", "upload_time", "status", "updated_at"],
    [
      dim(VIDEOS.a, "Gaming", "active", upload[VIDEOS.a]!),
      dim(VIDEOS.b, "Music", "active", upload[VIDEOS.b]!),
      dim(VIDEOS.banned, "Comedy", "banned", upload[VIDEOS.banned]!),
      dim(VIDEOS.quiet, "Pets", "active", T - 10 * DAY),
    ],
  );
  // Daily mart: viewers_hll holds real HyperLogLog sketches of the listed users, so merges are Trino's own.
  await q(
    "admin",
    `INSERT INTO lakehouse.gold.batch_video_daily
       (date, video_id, category_at_date, total_watch_time_hrs, completion_rate, unique_viewers, retention_d1, viewers_hll, updated_at, plays_started, plays_finished)
     SELECT d, v, c, w, CAST(cr AS real), cardinality(approx_set(u)), CAST(r AS real), CAST(approx_set(u) AS varbinary), current_timestamp, ps, pf
     FROM (VALUES
       (:d1, 'v_e2e_a', 'Gaming', 1.5e0, 0.6e0, 0.5e0, 10, 6, 'u1'), (:d1, 'v_e2e_a', 'Gaming', 1.5e0, 0.6e0, 0.5e0, 10, 6, 'u2'),
       (:d1, 'v_e2e_a', 'Gaming', 1.5e0, 0.6e0, 0.5e0, 10, 6, 'u3'),
       (:d2, 'v_e2e_a', 'Gaming', 2.5e0, 0.8e0, NULL, 30, 24, 'u3'), (:d2, 'v_e2e_a', 'Gaming', 2.5e0, 0.8e0, NULL, 30, 24, 'u4'),
       (:d2, 'v_e2e_b', 'Music', 1.0e0, 1.0e0, 1.0e0, 5, 5, 'u1')
     ) AS t (d, v, c, w, cr, r, ps, pf, u)
     GROUP BY d, v, c, w, cr, r, ps, pf`,
    { d1: sqlDate(DAYS.d1), d2: sqlDate(DAYS.d2) },
  );
  // Platform mart: d0's viewers {u1, u2, u5, u6} (2 back on d1), d1's {u1, u2, u3} (2 back on d2),
  // d2's {u1, u3, u4} (d3 not built: NULL).
  await q(
    "admin",
    `INSERT INTO lakehouse.gold.batch_platform_daily
       (date, unique_viewers, viewers_hll, cohort_viewers, retained_viewers, retention_d1, plays_started, plays_finished, total_watch_time_hrs, updated_at)
     SELECT d, cardinality(approx_set(u)), CAST(approx_set(u) AS varbinary), count(DISTINCT u), r, CAST(r AS double) / count(DISTINCT u), ps, pf, w, current_timestamp
     FROM (VALUES
       (:d0, 2, 8, 4, 1.0e0, 'u1'), (:d0, 2, 8, 4, 1.0e0, 'u2'), (:d0, 2, 8, 4, 1.0e0, 'u5'), (:d0, 2, 8, 4, 1.0e0, 'u6'),
       (:d1, 2, 10, 6, 1.5e0, 'u1'), (:d1, 2, 10, 6, 1.5e0, 'u2'), (:d1, 2, 10, 6, 1.5e0, 'u3'),
       (:d2, NULL, 35, 29, 3.5e0, 'u1'), (:d2, NULL, 35, 29, 3.5e0, 'u3'), (:d2, NULL, 35, 29, 3.5e0, 'u4')
     ) AS t (d, r, ps, pf, w, u)
     GROUP BY d, r, ps, pf, w`,
    { d0: sqlDate(PLATFORM_D0), d1: sqlDate(DAYS.d1), d2: sqlDate(DAYS.d2) },
  );
  return { watermark: T };
}
