/**
 * Trino goes away while people watch: the pages keep their last numbers with a stale badge, stay
 * usable, and recover by themselves when Trino returns. Its own Playwright project ("outage"),
 * which depends on "main": it stops Trino, so it runs after every other test.
 */
import { expect, test } from "@playwright/test";
import { start, stop } from "../tools/trino/server";
import { testTrino as trino } from "./e2e-settings";
import { EXPECTED, VIDEOS } from "./fixtures";

const log = (m: string) => console.log(`[outage] ${m}`);

test("stale badge while Trino is down, recovery when it is back", async ({ page }, info) => {
  test.setTimeout(240_000);
  // Before the outage: the 6 h view and video a's page are loaded once, so their answers are cached.
  await page.goto("/?range=6h");
  await expect(page.getByTestId("platform-chart")).toHaveAttribute("data-points", "360");
  await page.goto(`/videos/${VIDEOS.a}?range=1h`);
  await expect(page.getByTestId("video-plays-24h")).toHaveText("61");
  await page.goto("/?range=1h&refresh=5");
  await expect(page.getByTestId("trending-row")).toHaveCount(2);
  await expect(page.getByTestId("stale-badge")).toHaveCount(0);

  await stop(trino, log);
  try {
    await expect(page.getByTestId("panel-kpis").getByTestId("stale-badge")).toBeVisible({ timeout: 30_000 });
    // The numbers stay on screen and the page still works: change the range, open a video.
    await expect(page.getByTestId("kpi-plays").getByTestId("kpi-value")).toHaveText(String(EXPECTED.kpis1h.current.plays));
    await expect(page.getByTestId("trending-row")).toHaveCount(2);
    await page.screenshot({ path: info.outputPath("pulse-stale.png"), fullPage: true });
    // Back to 6 h: its 360 minutes and its plays (all 86 of the fixture's last hour) come from the cache.
    await page.getByRole("button", { name: "6h" }).click();
    await expect(page).toHaveURL(/range=6h/);
    await expect(page.getByTestId("platform-chart")).toHaveAttribute("data-points", "360");
    await expect(page.getByTestId("kpi-plays").getByTestId("kpi-value")).toHaveText("86");
    await expect(page.getByTestId("panel-series").getByTestId("stale-badge")).toBeVisible({ timeout: 30_000 });
    const health = await page.request.get("/api/health");
    expect(health.status()).toBe(503);
    expect((await health.json()).trino.reachable).toBe(false);
    // A query never answered before has nothing to fall back on: a clear 503, not a 500.
    const never = await page.request.get("/api/pulse/trending?category=Pets");
    expect(never.status()).toBe(503);
    expect((await never.json()).error).toMatch(/unreachable/);
    // Video a's page, served from the cache: EXPECTED.videoA.plays24h, marked stale.
    await page.goto(`/videos/${VIDEOS.a}?range=1h&refresh=5`);
    await expect(page.getByTestId("video-plays-24h")).toHaveText("61");
    await expect(page.getByTestId("panel-summary").getByTestId("stale-badge")).toBeVisible({ timeout: 30_000 });
  } finally {
    await start(trino, log);
  }
  await page.goto("/?range=1h&refresh=5");
  await expect(page.getByTestId("kpi-plays").getByTestId("kpi-value")).toHaveText(String(EXPECTED.kpis1h.current.plays), { timeout: 60_000 });
  await expect(page.getByTestId("stale-badge")).toHaveCount(0, { timeout: 60_000 });
});
