/**
 * The three pages in Chromium against the production build: the numbers on screen are the
 * fixture's hand-computed EXPECTED values, written out as the page shows them; the URL holds the view.
 */
import fs from "node:fs";
import { expect, type Page, test } from "@playwright/test";
import { e2eWatermark } from "./e2e-settings";
import { DAYS, EXPECTED, VIDEOS } from "./fixtures";
import { shot } from "./screenshots";

const MIN = 60_000;

/**
 * The series panel's label: "complete through HH:MM UTC, N min behind", HH:MM being the fixtures'
 * watermark T (written by the global set-up a few minutes back) and N how many clock minutes T
 * trails: at least `low` (taken before the page loaded), at most what it is once the label is read.
 */
const minutesBehind = () => Math.floor(Date.now() / MIN) - Math.floor(e2eWatermark() / MIN);

async function expectWatermark(page: Page, low: number) {
  const label = page.getByTestId("panel-series").getByTestId("watermark");
  const hhmm = new Date(e2eWatermark()).toISOString().slice(11, 16);
  await expect(label).toHaveText(new RegExp(`^complete through ${hhmm} UTC, \\d+ min behind$`));
  const shown = Number(/, (\d+) min behind$/.exec((await label.textContent()) ?? "")![1]);
  expect(shown).toBeGreaterThanOrEqual(low);
  expect(shown).toBeLessThanOrEqual(minutesBehind());
}

test("Pulse page shows the fixture's numbers, a chart up to its watermark and the trending table", async ({ page }, info) => {
  const behindAtLoad = minutesBehind();
  await page.goto("/?range=1h");
  // EXPECTED.kpis1h.current: impressions 145, plays 86, completion 55 / 86 = 63.95 %.
  await expect(page.getByTestId("kpi-impressions").getByTestId("kpi-value")).toHaveText("145");
  await expect(page.getByTestId("kpi-plays").getByTestId("kpi-value")).toHaveText("86");
  await expect(page.getByTestId("kpi-completion").getByTestId("kpi-value")).toHaveText("64.0%");
  // impressions 145 vs 100 a day earlier: +45.0 %
  await expect(page.getByTestId("kpi-impressions").getByTestId("kpi-change")).toHaveText("+45.0% vs 24 h earlier");
  await expect(page.getByTestId("platform-chart")).toHaveAttribute("data-points", "60");
  await expectWatermark(page, behindAtLoad);
  const rows = page.getByTestId("trending-row");
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toContainText(VIDEOS.a);
  // EXPECTED.trending[0].velocity = 46 / 15 = 3.0667 plays/min.
  await expect(rows.first().getByTestId("velocity")).toHaveText("3.07");
  await expect(page.getByText(VIDEOS.banned)).toHaveCount(0);
  await page.getByTestId("panel-series").getByRole("button", { name: "SQL" }).click();
  // The chart comes from the live minute log: its SQL is the statement that last brought it up to date.
  await expect(page.getByTestId("panel-sql")).toContainText("rt_video_stats_1min");
  await shot(page, info, "pulse");
});

test("changing the range and zone changes the URL, and the URL alone restores the view", async ({ page, browser }) => {
  await page.goto("/");
  await expect(page.getByTestId("platform-chart")).toHaveAttribute("data-points", "1440");
  await page.getByRole("button", { name: "6h" }).click();
  await expect(page).toHaveURL(/range=6h/);
  await expect(page.getByTestId("platform-chart")).toHaveAttribute("data-points", "360");
  await page.getByLabel("time zone").selectOption("Asia/Kolkata");
  await expect(page).toHaveURL(/tz=Asia\/Kolkata/);
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

test("a shared video link opens the video page with the fixture's numbers and a preview image", async ({ browser, request }, info) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`/videos/${VIDEOS.a}?range=1h`);
  await expect(page.getByTestId("video-id")).toHaveText(VIDEOS.a);
  // EXPECTED.videoA: 61 plays, completion 45 / 61 = 73.77 %, velocity 46 / 15 = 3.0667.
  await expect(page.getByTestId("video-plays-24h")).toHaveText("61");
  await expect(page.getByTestId("video-completion-24h")).toHaveText("73.8%");
  await expect(page.getByTestId("video-velocity")).toHaveText("3.07");
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

/**
 * The body's colours per system scheme (app/globals.css): Tailwind's slate-50 background with
 * slate-900 text, and slate-950 with slate-100 in the dark; Chromium reports Tailwind's oklch()
 * values in CIE Lab.
 */
const THEME = {
  light: { background: "lab(98.1434 -0.369519 -1.05966)", text: "lab(7.78673 1.82345 -15.0537)" },
  dark: { background: "lab(1.76974 1.32743 -9.28855)", text: "lab(96.286 -0.852436 -2.46847)" },
} as const;

test("dark mode follows the system: the theme's own colours in each scheme", async ({ browser }, info) => {
  for (const scheme of ["light", "dark"] as const) {
    const context = await browser.newContext({ colorScheme: scheme });
    const page = await context.newPage();
    await page.goto("/?range=1h");
    await expect(page.getByTestId("platform-chart")).toHaveAttribute("data-points", "60");
    const colours = await page.evaluate(() => {
      const style = getComputedStyle(document.body);
      return { background: style.backgroundColor, text: style.color };
    });
    expect(colours, scheme).toEqual(THEME[scheme]);
    if (scheme === "dark") await shot(page, info, "pulse-dark");
    await context.close();
  }
});

test("each time chart offers its data as CSV: the Pulse series and a video's minutes, raw values per bucket", async ({ page }) => {
  const T = e2eWatermark();
  const csvOf = async (panel: string) => {
    const download = page.waitForEvent("download");
    await page.getByTestId(panel).getByRole("button", { name: "Export CSV" }).click();
    return fs
      .readFileSync(await (await download).path(), "utf8")
      .trim()
      .split("\r\n");
  };
  const at = (minute: number) => new Date(minute).toISOString();

  await page.goto("/?range=1h");
  await expect(page.getByTestId("platform-chart")).toHaveAttribute("data-points", "60");
  const pulse = await csvOf("panel-series");
  expect(pulse[0]).toBe("Bucket start (UTC),Minutes,Impressions,Plays,Finishes,Likes,Shares,Completion");
  expect(pulse).toHaveLength(61);
  expect(pulse[1]!.startsWith(`${at(T - 60 * MIN)},1,`)).toBe(true);
  const cols = pulse.slice(1).map((line) => line.split(","));
  const sum = (i: number) => cols.reduce((s, c) => s + Number(c[i]), 0);
  // The hour's totals are the KPI tile's: 145 impressions, 86 plays, 55 finishes, 15 likes, 15 shares.
  const k = EXPECTED.kpis1h.current;
  expect([sum(2), sum(3), sum(4), sum(5), sum(6)]).toEqual([k.impressions, k.plays, k.finishes, k.likes, k.shares]);
  // Minute T - 5 min: 7 impressions, 5 plays, 2 finishes, 1 like, 1 share; completion 2 / 5.
  expect(pulse.find((l) => l.startsWith(at(T - 5 * MIN)))).toBe(`${at(T - 5 * MIN)},1,7,5,2,1,1,0.4`);

  await page.goto(`/videos/${VIDEOS.a}?range=1h`);
  await expect(page.getByTestId("video-counts-chart")).toHaveAttribute("data-points", "60");
  const video = await csvOf("panel-video-series");
  expect(video[0]).toBe("Minute (UTC),Impressions,Plays,Finishes,Likes,Shares,Velocity (plays/min),Acceleration,Completion (15-min rolling)");
  expect(video).toHaveLength(61);
  // Video a at T - 5 min: 5 impressions and 3 plays plus 1 late play (a correction row).
  expect(
    video
      .find((l) => l.startsWith(at(T - 5 * MIN)))!
      .split(",")
      .slice(1, 3),
  ).toEqual(["5", "4"]);
});
