/** The three pages in Chromium against the production build: numbers match the API, the URL holds the view. */
import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { e2eWatermark } from "./e2e-settings";
import { DAYS, EXPECTED, VIDEOS } from "./fixtures";
import { shot } from "./screenshots";

const fmtInt = (n: number) => new Intl.NumberFormat("en-US").format(n);
const pct = (r: number) => `${(r * 100).toFixed(1)}%`;

test("Pulse page shows the API's numbers, a chart up to the watermark and the trending table", async ({ page, request }, info) => {
  const api = await (await request.get("/api/pulse/kpis?range=1h")).json();
  await page.goto("/?range=1h");
  await expect(page.getByTestId("kpi-impressions").getByTestId("kpi-value")).toHaveText(fmtInt(api.data.current.impressions));
  await expect(page.getByTestId("kpi-plays").getByTestId("kpi-value")).toHaveText(fmtInt(EXPECTED.kpis1h.current.plays));
  await expect(page.getByTestId("kpi-completion").getByTestId("kpi-value")).toHaveText(pct(EXPECTED.kpis1h.current.completionRate));
  // impressions 145 vs 100 a day earlier: +45.0 %
  await expect(page.getByTestId("kpi-impressions").getByTestId("kpi-change")).toHaveText("+45.0% vs 24 h earlier");
  await expect(page.getByTestId("platform-chart")).toHaveAttribute("data-points", "60");
  await expect(page.getByTestId("panel-series").getByTestId("watermark")).toContainText("complete through");
  const rows = page.getByTestId("trending-row");
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toContainText(VIDEOS.a);
  await expect(rows.first().getByTestId("velocity")).toHaveText(EXPECTED.trending[0].velocity.toFixed(2));
  await expect(page.getByText(VIDEOS.banned)).toHaveCount(0);
  await page.getByTestId("panel-series").getByRole("button", { name: "SQL" }).click();
  await expect(page.getByTestId("panel-sql")).toContainText("rt_platform_minute");
  await shot(page, info, "pulse");
});

test("changing the range and zone changes the URL, and the URL alone restores the view", async ({ page, browser }) => {
  await page.goto("/");
  await expect(page.getByTestId("platform-chart")).toHaveAttribute("data-points", "1440");
  await page.getByRole("button", { name: "6h" }).click();
  await expect(page).toHaveURL(/range=6h/);
  await expect(page.getByTestId("platform-chart")).toHaveAttribute("data-points", "360");
  await page.getByLabel("time zone").selectOption("Asia/Kolkata");
  await expect(page).toHaveURL(/tz=Asia%2FKolkata/);
  await page.getByLabel("category").selectOption("Music");
  await expect(page).toHaveURL(/category=Music/);
  await expect(page.getByTestId("trending-row")).toHaveCount(1);
  const url = page.url();
  const watermarkText = await page.getByTestId("panel-series").getByTestId("watermark").textContent();
  expect(watermarkText).toContain("GMT+5:30");

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(url);
  await expect(other.getByTestId("platform-chart")).toHaveAttribute("data-points", "360");
  await expect(other.getByRole("button", { name: "6h" })).toHaveAttribute("aria-pressed", "true");
  await expect(other.getByLabel("time zone")).toHaveValue("Asia/Kolkata");
  await expect(other.getByTestId("trending-row")).toHaveCount(1);
  await expect(other.getByTestId("trending-row").first()).toContainText(VIDEOS.b);
  await fresh.close();
});

test("a custom range is applied from the inputs and kept in the URL", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("button", { name: "Custom" }).click();
  const T = e2eWatermark();
  const wall = (ms: number) => new Date(ms).toISOString().slice(0, 16);
  await page.getByLabel("from", { exact: true }).fill(wall(T - 30 * 60_000));
  await page.getByLabel("to", { exact: true }).fill(wall(T));
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/range=custom/);
  await expect(page.getByTestId("platform-chart")).toHaveAttribute("data-points", "30");
});

test("a shared video link opens the video page with its numbers and a preview image", async ({ browser, request }, info) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`/videos/${VIDEOS.a}?range=1h`);
  await expect(page.getByTestId("video-id")).toHaveText(VIDEOS.a);
  await expect(page.getByTestId("video-plays-24h")).toHaveText(fmtInt(EXPECTED.videoA.plays24h));
  await expect(page.getByTestId("video-completion-24h")).toHaveText(pct(EXPECTED.videoA.completionRate24h));
  await expect(page.getByTestId("video-velocity")).toHaveText(EXPECTED.videoA.velocity.toFixed(2));
  await expect(page.getByTestId("video-category")).toHaveText("Gaming");
  await expect(page.getByTestId("video-counts-chart")).toHaveAttribute("data-points", "60");
  await expect(page.getByTestId("video-daily-table").locator("tbody tr")).toHaveCount(2);
  const ogImage = await page.locator('meta[property="og:image"]').getAttribute("content");
  expect(ogImage).toContain(`/videos/${VIDEOS.a}/opengraph-image`);
  await expect(page.locator('meta[property="og:description"]')).toHaveAttribute("content", /61 plays/);
  const img = await request.get(new URL(ogImage!).pathname + new URL(ogImage!).search);
  expect(img.status()).toBe(200);
  expect(img.headers()["content-type"]).toBe("image/png");
  expect((await img.body()).subarray(1, 4).toString()).toBe("PNG");
  await shot(page, info, "video");
  await context.close();
});

test("an unknown video id gets the not-found page; a malformed one a friendly message", async ({ page }, info) => {
  const res = await page.goto("/videos/v_nobody_knows");
  expect(res?.status()).toBe(404);
  await expect(page.getByTestId("video-not-found")).toBeVisible();
  await shot(page, info, "video-not-found");
  await page.goto("/videos/bad%27id");
  await expect(page.getByTestId("invalid-params")).toContainText("video id");
  await page.goto("/?range=9y");
  await expect(page.getByTestId("invalid-params")).toContainText("range");
});

test("daily page: merged table, sorting, category trends, CSV of exactly what is shown, click-through", async ({ page }, info) => {
  await page.goto(`/daily?from=${DAYS.d1}&to=${DAYS.d2}`);
  const rows = page.getByTestId("daily-row");
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toContainText(VIDEOS.a);
  await expect(rows.first()).toContainText("4.00");
  await expect(rows.first()).toContainText("75.0%");
  await expect(page.getByTestId("category-trends-chart")).toHaveAttribute("data-points", "2");
  await shot(page, info, "daily");

  await page
    .getByRole("columnheader", { name: /Unique viewers/ })
    .getByRole("button")
    .click();
  await expect(page).toHaveURL(/sort=unique_viewers/);
  await page
    .getByRole("columnheader", { name: /Unique viewers/ })
    .getByRole("button")
    .click();
  await expect(page).toHaveURL(/dir=asc/);
  await expect(rows.first()).toContainText(VIDEOS.b);

  const download = page.waitForEvent("download");
  await page.getByTestId("panel-daily-videos").getByRole("button", { name: "Export CSV" }).click();
  const file = await (await download).path();
  const csv = fs.readFileSync(file, "utf8").trim().split("\r\n");
  expect(csv).toEqual([
    "Video,Category,Watch hours,Completion,Unique viewers,D1 retention,Days",
    `${VIDEOS.b},Music,1,1,1,1,1`,
    `${VIDEOS.a},Gaming,4,0.75,4,0.5,2`,
  ]);

  await page.getByRole("link", { name: VIDEOS.a }).click();
  await expect(page).toHaveURL(new RegExp(`/videos/${VIDEOS.a}`));
  await expect(page.getByTestId("video-id")).toHaveText(VIDEOS.a);
});

test("dark mode follows the system", async ({ browser }, info) => {
  const context = await browser.newContext({ colorScheme: "dark" });
  const page = await context.newPage();
  await page.goto("/?range=1h");
  await expect(page.getByTestId("platform-chart")).toHaveAttribute("data-points", "60");
  const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(bg).not.toBe("rgb(248, 250, 252)");
  await shot(page, info, "pulse-dark");
  await context.close();
});
