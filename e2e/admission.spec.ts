/**
 * Admission control through the real server (lib/server/admission.ts behind cachedQuery and respond):
 * a burst of 300 distinct custom ranges at once gets data for the few that start in time and a quick
 * 503 with Retry-After for the rest, while a shared view asked for meanwhile is answered.
 * The figures (how many of each, latencies) are printed for the record.
 */
import { expect, test } from "@playwright/test";
import { followRetryAfter } from "../tools/testing/retry-after";
import { e2eWatermark } from "./e2e-settings";

const MIN = 60_000;
const BURST = 300;

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

test("300 distinct custom ranges at once: data or a 503 with Retry-After each, at once; a shared view is answered meanwhile", async ({ request }) => {
  test.setTimeout(120_000);
  const T = e2eWatermark();
  // Distinct one-hour ranges, each ending a minute earlier than the last, so none shares a cached query;
  // all older than 48 h, so none is answered from the live minute log (lib/server/live/platform-minutes.ts)
  // and each needs its own Trino query.
  const OLD = 49 * 60 * MIN;
  const urls = Array.from({ length: BURST }, (_, i) => {
    const to = new Date(T - OLD - (i + 1) * MIN).toISOString();
    const from = new Date(T - OLD - (i + 61) * MIN).toISOString();
    return `/api/pulse/series?range=custom&from=${from}&to=${to}`;
  });
  const timed = async (url: string) => {
    const t0 = Date.now();
    const res = await request.get(url, { timeout: 60_000 });
    return { status: res.status(), retryAfter: res.headers()["retry-after"], body: (await res.json()) as { error?: string }, ms: Date.now() - t0 };
  };
  // Warm: the routes' modules loaded and Trino's first queries planned, so the burst measures admission,
  // not a cold start. A cold custom range may be answered "try again in 2 s" first; the retry gets it.
  for (const url of [
    "/api/pulse/series?range=1h",
    `/api/pulse/series?range=custom&from=${new Date(T - OLD - 90 * MIN).toISOString()}&to=${new Date(T - OLD).toISOString()}`,
    "/api/pulse/trending?category=Gaming&limit=3",
  ]) {
    const got = await followRetryAfter(() => timed(url));
    expect(got.status, JSON.stringify(got.body)).toBe(200);
  }
  const burst = Promise.all(urls.map(timed));
  // A shared view nobody asked for before (so not answered from the cache), asked for during the burst.
  const preset = await timed("/api/pulse/trending?category=Music&limit=5");
  const answers = await burst;

  expect(preset.status, JSON.stringify(preset.body)).toBe(200);
  const busy = answers.filter((a) => a.status === 503);
  const served = answers.filter((a) => a.status === 200);
  expect(busy.length + served.length).toBe(BURST);
  // Refused by the HTTP server's gate (beyond the 2 + 8 admission can hold, adhoc-gate.ts) or in the
  // queue, or admitted but not answered within PULSE_ADHOC_ANSWER_MS (900 ms).
  const refused = /^the dashboard is busy \((\d+ custom ranges in progress, at most 10|\d+ of 4 queries running, .+)\); try again in 2 s$/;
  const slow = /^this custom range is still being computed; try again in 2 s$/;
  for (const b of busy) {
    expect(b.retryAfter).toBe("2");
    expect(b.body.error).toMatch(new RegExp(`${refused.source}|${slow.source}`));
  }
  // Two custom ranges start at once (half of K = 4), with 8 more queued for at most 800 ms: nearly
  // all of the rest are refused at once. (The ones started get their data, or the 503 after 900 ms.)
  expect(busy.filter((b) => refused.test(b.body.error ?? "")).length).toBeGreaterThanOrEqual(BURST - 50);
  const busyMs = busy.map((b) => b.ms).sort((a, b) => a - b);
  const servedMs = served.map((s) => s.ms).sort((a, b) => a - b);
  // For scale: the same number of requests the server refuses without any work (a 400 from zod).
  const t0 = Date.now();
  const bad = await Promise.all(Array.from({ length: BURST }, (_, i) => request.get(`/api/pulse/series?range=x${i}`).then((r) => r.status())));
  expect(new Set(bad)).toEqual(new Set([400]));
  console.log(
    `[admission] burst of ${BURST}: ${served.length} served${served.length ? ` (p50 ${pct(servedMs, 50)} ms, max ${servedMs.at(-1)} ms)` : ""}, ` +
      `${busy.length} answered 503 (p50 ${pct(busyMs, 50)} ms, p95 ${pct(busyMs, 95)} ms, max ${busyMs.at(-1)} ms); shared view ${preset.ms} ms; ` +
      `${BURST} concurrent 400s took ${Date.now() - t0} ms`,
  );
  // Without admission each of them waited in Trino's queue until the query deadline (15 s here). How
  // much sooner than that they come is the server's own pace with 300 requests at once (see the 400s).
  expect(busyMs.at(-1)!).toBeLessThan(15_000);
});
