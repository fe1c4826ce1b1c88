/** The JSON API against the real test Trino holding e2e/fixtures.ts: exact numbers, and 400s for bad input. */
import { type APIRequestContext, expect, test } from "@playwright/test";
import { followRetryAfter } from "../tools/testing/retry-after";
import { e2eWatermark } from "./e2e-settings";
import { DAYS, EXPECTED, VIDEOS } from "./fixtures";

/** The fixtures' RT watermark; read in a hook because the runner loads this file before the global set-up. */
let T = NaN;
test.beforeAll(() => {
  T = e2eWatermark();
});
const MIN = 60_000;

/** The answer's body after a 200, following a 503's Retry-After as the browser does (tools/testing/retry-after.ts). */
async function ok<T>(request: APIRequestContext, url: string): Promise<{ data: T; meta: { sql: string; stale: boolean; watermark: number | null } }> {
  const answer = await followRetryAfter(async () => {
    const res = await request.get(url);
    return { status: res.status(), retryAfter: res.headers()["retry-after"], text: await res.text() };
  });
  expect(answer.status, `${url}: ${answer.text}`).toBe(200);
  return JSON.parse(answer.text);
}

const close = (actual: number | null, expected: number) => expect(actual).toBeCloseTo(expected, 9);

test("KPIs of the last hour, of the same hour yesterday and of the same hour a week ago", async ({ request }) => {
  const { data, meta } = await ok<{
    rangeStart: number;
    rangeEnd: number;
    current: Record<string, number>;
    previous: Record<string, number>;
    previousWeek: Record<string, number>;
  }>(request, "/api/pulse/kpis?range=1h");
  expect(meta.watermark).toBe(T);
  expect(meta.stale).toBe(false);
  expect([data.rangeStart, data.rangeEnd]).toEqual([T - 60 * MIN, T]);
  for (const period of ["current", "previous", "previousWeek"] as const) {
    for (const [k, v] of Object.entries(EXPECTED.kpis1h[period])) close(data[period][k]!, v);
  }
});

test("platform series: dense minutes, correction rows summed, the open minute never drawn", async ({ request }) => {
  const { data, meta } = await ok<{
    bucket: string;
    points: { t: number; impressions: number; plays: number; finishes: number; likes: number; shares: number }[];
  }>(request, "/api/pulse/series?range=1h");
  expect(data.bucket).toBe("minute");
  expect(data.points).toHaveLength(60);
  expect(data.points[0]!.t).toBe(T - 60 * MIN);
  expect(data.points.at(-1)!.t).toBe(T - MIN);
  const p = data.points.find((x) => x.t === T - 5 * MIN)!;
  expect({ impressions: p.impressions, plays: p.plays, finishes: p.finishes, likes: p.likes, shares: p.shares }).toEqual(EXPECTED.seriesAtTminus5);
  expect(data.points.find((x) => x.t === T - 45 * MIN)!.plays).toBe(0);
  expect(data.points.reduce((s, x) => s + x.plays, 0)).toBe(EXPECTED.kpis1h.current.plays);
  // Answered from the live minute log: its Show SQL is the statement that last brought it up to date.
  expect(meta.sql).toContain("lakehouse.gold.rt_video_stats_1min");
});

test("series over more than a day is bucketed per hour of the chosen zone", async ({ request }) => {
  const from = new Date(T - 2 * 86_400_000).toISOString();
  const to = new Date(T).toISOString();
  const utc = await ok<{ bucket: string; points: { t: number; minutes: number; plays: number }[] }>(
    request,
    `/api/pulse/series?range=custom&from=${from}&to=${to}`,
  );
  const ist = await ok<{ bucket: string; points: { t: number; minutes: number; plays: number }[] }>(
    request,
    `/api/pulse/series?range=custom&from=${from}&to=${to}&tz=Asia/Kolkata`,
  );
  expect(utc.data.bucket).toBe("hour");
  // Kolkata is UTC+05:30: its hours start at :30 UTC.
  expect(utc.data.points.every((p) => p.t % 3_600_000 === 0)).toBe(true);
  expect(ist.data.points.every((p) => p.t % 3_600_000 === 1_800_000)).toBe(true);
  const total = (pts: { plays: number }[]) => pts.reduce((s, x) => s + x.plays, 0);
  expect(total(utc.data.points)).toBe(EXPECTED.kpis1h.current.plays + EXPECTED.kpis1h.previous.plays);
  expect(total(ist.data.points)).toBe(total(utc.data.points));
  expect(utc.data.points.reduce((s, x) => s + x.minutes, 0)).toBe(2 * 1440);
});

test("trending: ranked by velocity, banned videos left out, category filter", async ({ request }) => {
  const { data } = await ok<{ total: number; rows: { videoId: string; category: string; velocity: number; acceleration: number }[] }>(
    request,
    "/api/pulse/trending?limit=25",
  );
  expect(data.total).toBe(2);
  expect(data.rows.map((r) => r.videoId)).toEqual(EXPECTED.trending.map((r) => r.videoId));
  data.rows.forEach((r, i) => {
    close(r.velocity, EXPECTED.trending[i]!.velocity);
    close(r.acceleration, EXPECTED.trending[i]!.acceleration);
    expect(r.category).toBe(EXPECTED.trending[i]!.category);
  });
  const music = await ok<{ rows: { videoId: string }[] }>(request, "/api/pulse/trending?category=Music");
  expect(music.data.rows.map((r) => r.videoId)).toEqual([VIDEOS.b]);
});

test("trending by change against the day before: the same 15 minutes a day earlier as the baseline", async ({ request }) => {
  const { data } = await ok<{ rows: { videoId: string; velocity: number; baselineVelocity: number; velocityChange: number }[] }>(
    request,
    "/api/pulse/trending?sort=change",
  );
  // a: 46 plays now, and 10 minutes x 5 plays in [T - 1 day - 15 min, T - 1 day): 50 / 15 a day earlier, change (46 - 50) / 15.
  // b: 15 plays now, none a day earlier: change 1. So b ranks first.
  expect(data.rows.map((r) => r.videoId)).toEqual([VIDEOS.b, VIDEOS.a]);
  close(data.rows[0]!.baselineVelocity, 0);
  close(data.rows[0]!.velocityChange, 1);
  close(data.rows[1]!.baselineVelocity, 50 / 15);
  close(data.rows[1]!.velocityChange, (46 - 50) / 15);
});

test("one video: summary, minute series, daily history; unknown id is a 404", async ({ request }) => {
  const s = await ok<Record<string, unknown>>(request, `/api/videos/${VIDEOS.a}`);
  for (const [k, v] of Object.entries(EXPECTED.videoA)) typeof v === "number" ? close(s.data[k] as number, v) : expect(s.data[k]).toBe(v);
  const series = await ok<{ t: number; plays: number; velocity: number }[]>(request, `/api/videos/${VIDEOS.a}/series?range=1h`);
  expect(series.data).toHaveLength(60);
  close(series.data.at(-1)!.velocity, EXPECTED.videoA.velocity);
  expect(series.data.find((x) => x.t === T - 5 * MIN)!.plays).toBe(4);
  const daily = await ok<{ date: string; watchHours: number; uniqueViewers: number }[]>(request, `/api/videos/${VIDEOS.a}/daily`);
  expect(daily.data.map((d) => [d.date, d.watchHours, d.uniqueViewers])).toEqual([
    [DAYS.d2, 2.5, 2],
    [DAYS.d1, 1.5, 3],
  ]);
  const quiet = await ok<{ known: boolean; plays24h: number }>(request, `/api/videos/${VIDEOS.quiet}`);
  expect([quiet.data.known, quiet.data.plays24h]).toEqual([true, 0]);
  const missing = await request.get("/api/videos/v_does_not_exist");
  expect(missing.status()).toBe(404);
});

test("daily videos: sketches merged over days, pair-weighted completion, sorting and filter", async ({ request }) => {
  const { data } = await ok<{ from: string; to: string; total: number; rows: Record<string, unknown>[] }>(
    request,
    `/api/daily/videos?from=${DAYS.d1}&to=${DAYS.d2}`,
  );
  expect([data.from, data.to, data.total]).toEqual([DAYS.d1, DAYS.d2, 2]);
  expect(data.rows).toHaveLength(2);
  data.rows.forEach((r, i) => {
    for (const [k, v] of Object.entries(EXPECTED.dailyVideos[i]!)) typeof v === "number" ? close(r[k] as number, v) : expect(r[k]).toBe(v);
  });
  const asc = await ok<{ rows: { videoId: string }[] }>(request, `/api/daily/videos?from=${DAYS.d1}&to=${DAYS.d2}&sort=unique_viewers&dir=asc`);
  expect(asc.data.rows.map((r) => r.videoId)).toEqual([VIDEOS.b, VIDEOS.a]);
  const music = await ok<{ rows: { videoId: string }[] }>(request, `/api/daily/videos?from=${DAYS.d1}&to=${DAYS.d2}&category=Music`);
  expect(music.data.rows.map((r) => r.videoId)).toEqual([VIDEOS.b]);
  const defaults = await ok<{ from: string; to: string }>(request, "/api/daily/videos");
  expect([defaults.data.from, defaults.data.to]).toEqual(["2026-11-15", DAYS.d2]);
});

test("daily category trends", async ({ request }) => {
  const { data } = await ok<{ days: Record<string, unknown>[] }>(request, `/api/daily/categories?from=${DAYS.d1}&to=${DAYS.d2}`);
  expect(data.days).toHaveLength(EXPECTED.categoryDays.length);
  data.days.forEach((d, i) => {
    for (const [k, v] of Object.entries(EXPECTED.categoryDays[i]!)) typeof v === "number" ? close(d[k] as number, v) : expect(d[k]).toBe(v);
  });
});

test("health reports Trino and the freshness of each Gold table", async ({ request }) => {
  const res = await request.get("/api/health");
  expect(res.status()).toBe(200);
  const h = await res.json();
  expect(h.trino.reachable).toBe(true);
  expect(h.tables.map((t: { table: string }) => t.table)).toEqual(["lakehouse.gold.rt_video_stats_1min", "lakehouse.gold.batch_video_daily"]);
  expect(h.tables[0].completeThrough).toBe(T);
  // The fixtures commit a micro-batch checkpoint and run no seed: the RT log is not loading.
  expect(h.rt).toEqual({ state: "complete", seed: null });
  // The fixtures' two dead letters of the Kafka ingest, the newest set aside at T - 2 min.
  expect(h.ingest).toEqual({ deadLetters: 2, lastDeadLetterAt: T - 2 * 60_000 });
});

const HOSTILE: [string, RegExp][] = [
  ["/api/pulse/series?range=7d", /range/],
  ["/api/pulse/series?range=custom&from=2026-11-24T12:00Z&to=2026-11-24T11:00Z", /from must be before to/],
  ["/api/pulse/series?range=custom&from=2026-01-01T00:00Z&to=2026-11-24T00:00Z", /at most 7 days/],
  ["/api/pulse/series?tz=Mars/Olympus", /time zone/],
  ["/api/pulse/series?tz=UTC'%3B%20DROP%20TABLE%20x%3B--", /time zone/],
  ["/api/pulse/series?from=2026-11-24%2012:00", /from/],
  ["/api/pulse/trending?category=Music'%20OR%20'1'='1", /category/],
  ["/api/pulse/trending?limit=100000", /limit/],
  ["/api/pulse/trending?sort=velocity_score%20DESC%3B--", /sort/],
  ["/api/videos/v_e2e_a'%3B--", /video id/],
  [`/api/videos/${"x".repeat(10_000)}`, /longer than 64|query string/],
  ["/api/videos/%E2%80%AEv_e2e_a/series", /video id/],
  ["/api/videos/%ZZ", /percent-escape/],
  // Decoded once by Next to "v_e2e_%61"; a second decoding would turn it into a real id.
  ["/api/videos/v_e2e_%2561", /video id/],
  ["/api/daily/videos?from=2026-11-21&to=2026-11-20", /not be after/],
  ["/api/daily/videos?from=2026-02-30&to=2026-03-01", /calendar date/],
  ["/api/daily/videos?from=2025-01-01&to=2026-01-01", /at most 92 days/],
  ["/api/daily/videos?dir=sideways", /dir/],
];

for (const [url, message] of HOSTILE) {
  test(`400 with a clear message: ${url.slice(0, 70)}`, async ({ request }) => {
    const res = await request.get(url);
    expect(res.status()).toBe(400);
    const body = await res.json();
    expect(body.error).toMatch(message);
    expect(JSON.stringify(body)).not.toMatch(/at .*\.(js|ts):\d+/);
  });
}
