/**
 * A wall screen is honest when the data stops: with the Pulse page in kiosk mode and a 30 s
 * threshold (?stale=0.5), a fixture commit of the RT log (a row of zeros and a 'committed'
 * micro-batch checkpoint at the same watermark, so no number moves), then nothing: the screen turns amber with the age once
 * 30 s have passed, and clears by itself at the next commit. The time from the last commit to the
 * amber frame is printed (the figure issue 15 asks for). Then the network to the server is cut and
 * restored: the screen says so, and recovers with nobody touching it.
 *
 * It commits to the test Trino, so it runs in the "outage" project; its checkpoints are removed after.
 */
import { expect, test } from "@playwright/test";
import { sqlInstant } from "../lib/trino/bind";
import { insertRows, q } from "../tools/testing/trino-fixtures";
import { e2eWatermark } from "./e2e-settings";
import { VIDEOS } from "./fixtures";
import { shot } from "./screenshots";

test.use({ viewport: { width: 1920, height: 1080 } });

const FIRST_BATCH = 201;

test.afterAll(async () => {
  await q("admin", `DELETE FROM lakehouse.gold.rt_video_stats_1min WHERE batch_id >= ${FIRST_BATCH}`);
  await q("admin", `DELETE FROM lakehouse.meta.job_checkpoints WHERE job = 'rt_video_stats_1min' AND batch_id >= ${FIRST_BATCH}`);
});

/**
 * A micro-batch commit as the pipeline writes it: its Gold rows (one row of zeros, so no number on
 * screen moves), then its 'committed' checkpoint at the fixtures' watermark. The data write matters:
 * the live watcher reads a checkpoint that follows a data write at once, one without only at its
 * resync (lib/server/live/watcher.ts), and the screen counts a commit from the watcher's read.
 */
async function commit(batch: number): Promise<number> {
  await insertRows(
    "lakehouse.gold.rt_video_stats_1min",
    ["video_id", "window_start", "upload_ts", "impressions", "likes", "shares", "play_start", "play_finish", "batch_id"],
    [[VIDEOS.a, sqlInstant(new Date(e2eWatermark() - 60_000)), sqlInstant(new Date(e2eWatermark() - 86_400_000)), 0, 0, 0, 0, 0, batch]],
  );
  const at = Date.now();
  await insertRows(
    "lakehouse.meta.job_checkpoints",
    ["job", "batch_id", "state", "complete_through", "rows_written", "recorded_at", "detail"],
    [["rt_video_stats_1min", batch, "committed", sqlInstant(new Date(e2eWatermark())), 0, sqlInstant(new Date(at)), "e2e kiosk commit"]],
  );
  return at;
}

test("a stalled micro-batch turns the wall amber after the threshold, and it recovers by itself", async ({ page }, info) => {
  test.setTimeout(150_000);
  await page.goto("/?range=1h&kiosk=1&stale=0.5");
  await expect(page.getByTestId("kpi-impressions").getByTestId("kpi-value")).toHaveText("145");
  const frame = page.getByTestId("kiosk-stale-frame");
  // The fixture's own commit is minutes old: amber from the start.
  await expect(frame).toBeVisible({ timeout: 20_000 });

  const committed = await commit(FIRST_BATCH);
  // The next health poll (every 10 s; the server caches 2 s here) sees it: the frame goes.
  await expect(frame).toHaveCount(0, { timeout: 20_000 });
  const cleared = Date.now() - committed;
  await expect(page.getByTestId("kiosk-commit-age")).toHaveText(/^last commit \d+ s ago$/);

  // No further commit: the stall. The age counts on in the browser; amber at 30 s.
  await expect(frame).toBeVisible({ timeout: 45_000 });
  const toAmber = Date.now() - committed;
  await expect(page.getByTestId("kiosk-headline")).toHaveText(/^No new data for \d+ s: the pipeline has not committed since$/);
  await expect(page.getByTestId("kiosk-status")).toHaveAttribute("data-stale", "true");
  await shot(page, info, "kiosk-stale", { screen: true });
  page.setDefaultTimeout(15_000);

  const resumed = await commit(FIRST_BATCH + 1);
  await expect(frame).toHaveCount(0, { timeout: 20_000 });
  const recovered = Date.now() - resumed;
  await expect(page.getByTestId("kiosk-headline")).toHaveCount(0);
  console.log(
    `[kiosk] threshold 30 s: last commit to amber frame ${(toAmber / 1000).toFixed(1)} s; commit to frame cleared ${(cleared / 1000).toFixed(1)} s, then ${(recovered / 1000).toFixed(1)} s`,
  );
  expect(toAmber).toBeGreaterThanOrEqual(30_000);
  // Plus the live watcher's read of the commit (its probe and one Trino read: a few seconds on a busy machine).
  expect(toAmber).toBeLessThan(40_000);

  // The network to the server goes: the screen says so at once (large), and comes back by itself.
  await page.route("**/api/**", (route) => route.abort("connectionrefused"));
  const cut = Date.now();
  await expect(page.getByTestId("kiosk-headline")).toContainText("Pulse server unreachable for", { timeout: 30_000 });
  console.log(`[kiosk] network cut: the screen said so after ${((Date.now() - cut) / 1000).toFixed(1)} s`);
  await shot(page, info, "kiosk-unreachable", { screen: true });
  await commit(FIRST_BATCH + 2);
  await page.unroute("**/api/**");
  const restored = Date.now();
  await expect(page.getByTestId("kiosk-headline")).toHaveCount(0, { timeout: 30_000 });
  await expect(frame).toHaveCount(0);
  console.log(`[kiosk] network back: the screen recovered after ${((Date.now() - restored) / 1000).toFixed(1)} s`);
});
