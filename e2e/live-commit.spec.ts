/**
 * Commit to screen: with the Pulse page open in Chromium, five fixture commits of the real-time
 * log (Gold rows of a new batch, then its 'committed' checkpoint, as the micro-batch writes them)
 * each reach the KPI tile through the live stream, and the tile then shows exactly what the API
 * answers. The time from each commit's checkpoint to the new number on screen is printed (p50,
 * p95, max): a figure, not a pass/fail threshold, since this machine's load varies.
 *
 * It moves the RT watermark, so it runs in the "outage" project after every spec that expects the
 * fixture's numbers, and takes its commits back afterwards: outage.spec.ts (next in that project)
 * expects the fixture's numbers again.
 */
import { expect, test } from "@playwright/test";
import { fmtInt } from "../lib/dashboard/format";
import { sqlInstant } from "../lib/trino/bind";
import { insertRows, q, trinoMinuteNow } from "../tools/testing/trino-fixtures";
import { e2eWatermark } from "./e2e-settings";
import { VIDEOS } from "./fixtures";

const MIN = 60_000;
const COMMITS = 5;

test.afterAll(async () => {
  await q("admin", "DELETE FROM lakehouse.gold.rt_video_stats_1min WHERE batch_id > 100");
  await q("admin", "DELETE FROM lakehouse.meta.job_checkpoints WHERE job = 'rt_video_stats_1min' AND batch_id > 100");
});

test("each fixture commit reaches the KPI tile through the live stream", async ({ page, request }) => {
  test.setTimeout(240_000);
  const T = e2eWatermark();
  // Commit k closes minute T + k - 1: it must be over on Trino's clock, or the watermark view holds it back.
  while ((await trinoMinuteNow()) < T + COMMITS * MIN) await page.waitForTimeout(5_000);

  await page.goto("/?range=1h");
  const tile = page.getByTestId("kpi-impressions").getByTestId("kpi-value");
  await expect(tile).not.toHaveText("");
  await expect(page.getByTestId("live-state")).toHaveAttribute("data-mode", "live", { timeout: 20_000 });

  const delays: number[] = [];
  for (let k = 1; k <= COMMITS; k++) {
    const before = await tile.textContent();
    const batch = 100 + k;
    const minute = T + (k - 1) * MIN;
    await insertRows(
      "lakehouse.gold.rt_video_stats_1min",
      ["video_id", "window_start", "upload_ts", "impressions", "likes", "shares", "play_start", "play_finish", "batch_id"],
      [[VIDEOS.a, sqlInstant(new Date(minute)), sqlInstant(new Date(T - 86_400_000)), 10_000 * k, 0, 0, 0, 0, batch]],
    );
    await insertRows(
      "lakehouse.meta.job_checkpoints",
      ["job", "batch_id", "state", "complete_through", "rows_written", "recorded_at", "detail"],
      [["rt_video_stats_1min", batch, "committed", sqlInstant(new Date(minute + MIN)), 1, sqlInstant(new Date()), "e2e live commit"]],
    );
    const committed = Date.now();
    await expect(tile).not.toHaveText(before ?? "", { timeout: 30_000 });
    delays.push(Date.now() - committed);
    // The number on screen is the server's answer at the new watermark.
    const api = await (await request.get("/api/pulse/kpis?range=1h")).json();
    expect(api.meta.watermark).toBe(minute + MIN);
    await expect(tile).toHaveText(fmtInt(api.data.current.impressions));
  }
  const sorted = [...delays].sort((a, b) => a - b);
  const p = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
  console.log(`[live] commit to screen over ${COMMITS} commits: ${delays.join(", ")} ms; p50 ${p(0.5)} ms, p95 ${p(0.95)} ms, max ${sorted.at(-1)} ms`);
});
