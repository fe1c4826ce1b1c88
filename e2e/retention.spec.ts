/**
 * Retention, in Chromium and through the API, against e2e/fixtures.ts: platform D1 retention from
 * gold.batch_platform_daily, the category lines and the distribution from gold.batch_video_daily.
 * Every expected number is EXPECTED's, derived by hand in the fixture file.
 */
import { type APIRequestContext, expect, type Locator, type Page, test } from "@playwright/test";
import { DAYS, EXPECTED, PLATFORM_D0, VIDEOS } from "./fixtures";
import { shot } from "./screenshots";

const pct = (r: number) => `${(r * 100).toFixed(1)}%`;
const R = EXPECTED.retention;
const RANGE = `from=${DAYS.d1}&to=${DAYS.d2}`;

async function data<T>(request: APIRequestContext, url: string): Promise<T> {
  const res = await request.get(url);
  expect(res.status(), `${url}: ${await res.text()}`).toBe(200);
  return (await res.json()).data as T;
}

/** Hovers a chart at a fraction of its plot width and returns its container, whose text then holds the tooltip. */
async function hoverChart(page: Page, chart: Locator, fraction: number): Promise<Locator> {
  // The engine is loaded after the page (lazy-chart.tsx): a move over the SVG preview shows no tooltip.
  await expect(chart.locator("canvas").first()).toBeVisible();
  // The mouse only reaches what is in the viewport.
  await chart.scrollIntoViewIfNeeded();
  const box = (await chart.boundingBox())!;
  // The plot spans the grid: 48 px on the left, 16-56 px on the right; probe just inside it.
  const left = box.x + 52;
  const right = box.x + box.width - 60;
  await page.mouse.move(left + (right - left) * fraction, box.y + box.height / 2);
  return chart;
}

type Series = {
  kind: string;
  name: string;
  days: { date: string; retentionD1: number | null; viewers: number }[];
  range: { retentionD1: number | null; viewers: number };
};

test("retention API: exact platform retention, viewer-weighted categories, distribution and the Pulse tile's days", async ({ request }) => {
  const retention = await data<{ from: string; to: string; series: Series[] }>(request, `/api/daily/retention?${RANGE}`);
  expect(retention.series.map((s) => s.name)).toEqual(["Platform", "Gaming", "Music"]);
  const [platform, gaming, music] = retention.series as [Series, Series, Series];
  expect(platform.days).toEqual([
    { date: DAYS.d1, retentionD1: R.platform.d1, viewers: R.platform.d1Cohort },
    { date: DAYS.d2, retentionD1: null, viewers: R.platform.d2Cohort },
  ]);
  expect(platform.range).toEqual({ retentionD1: R.platform.range, viewers: R.platform.d1Cohort });
  expect(gaming.days).toEqual([{ date: DAYS.d1, retentionD1: R.gaming.d1, viewers: R.gaming.viewers }]);
  expect(gaming.range).toEqual({ retentionD1: R.gaming.range, viewers: R.gaming.viewers });
  expect(music.days).toEqual([{ date: DAYS.d2, retentionD1: R.music.d2, viewers: R.music.viewers }]);

  const dist = await data<{ counts: number[]; lowest: { videoId: string }[]; highest: { videoId: string }[]; videos: number }>(
    request,
    `/api/daily/retention-distribution?${RANGE}&min_viewers=1`,
  );
  expect(dist.counts).toEqual(EXPECTED.distribution.counts);
  expect(dist.videos).toBe(2);
  expect(dist.lowest.map((v) => v.videoId)).toEqual(EXPECTED.distribution.lowest);
  expect(dist.highest.map((v) => v.videoId)).toEqual(EXPECTED.distribution.highest);
  // The default floor of 10 viewers leaves out both fixture videos (3 and 1 viewers).
  expect((await data<{ videos: number }>(request, `/api/daily/retention-distribution?${RANGE}`)).videos).toBe(0);

  expect(await data(request, "/api/pulse/retention")).toEqual([
    { date: DAYS.d2, retentionD1: null, cohortViewers: R.platform.d2Cohort, retainedViewers: null },
    { date: DAYS.d1, retentionD1: R.platform.d1, cohortViewers: R.platform.d1Cohort, retainedViewers: R.platform.d1Retained },
    { date: PLATFORM_D0, retentionD1: R.platform.d0, cohortViewers: R.platform.d0Cohort, retainedViewers: R.platform.d0Retained },
  ]);

  const bad = await request.get(`/api/daily/retention-distribution?${RANGE}&min_viewers=7`);
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error).toBe("invalid min_viewers: min_viewers must be one of 1, 10, 100, 1000");
});

test("/daily draws the retention chart and distribution with the API's numbers; metric and viewer floor live in the URL", async ({ page, browser }, info) => {
  await page.goto(`/daily?${RANGE}`);
  const panel = page.getByTestId("panel-retention");
  await expect(panel.getByTestId("watermark")).toBeVisible();
  const rangeRow = (name: string) => panel.locator(`[data-testid="retention-range-row"][data-series="${name}"]`).getByTestId("retention-range-value");
  await expect(rangeRow("Platform")).toHaveText(pct(R.platform.range));
  await expect(rangeRow("Gaming")).toHaveText(pct(R.gaming.range));
  await expect(rangeRow("Music")).toHaveText(pct(R.music.range));
  const chart = page.getByTestId("retention-chart");
  await expect(chart).toHaveAttribute("data-points", "2");
  await hoverChart(page, chart, 0);
  await expect(chart).toContainText(`${DAYS.d1}Platform: ${pct(R.platform.d1)}Gaming: ${pct(R.gaming.d1)}Music: —`);
  await hoverChart(page, chart, 1);
  await expect(chart).toContainText(`${DAYS.d2}Platform: not yet known`);
  await expect(chart).toContainText(`Music: ${pct(R.music.d2)}`);
  await panel.getByRole("button", { name: "SQL" }).click();
  await expect(panel.getByTestId("panel-sql")).toContainText("sum(retained_viewers)");

  // The distribution: empty at the default floor, filled at ≥ 1, and the floor is in the URL.
  const dist = page.getByTestId("panel-retention-distribution");
  await expect(dist.getByTestId("panel-empty")).toBeVisible();
  await dist.getByRole("button", { name: "≥ 1", exact: true }).click();
  await expect(page).toHaveURL(/min_viewers=1(&|$)/);
  await expect(dist.getByTestId("retention-histogram")).toHaveAttribute("data-counts", EXPECTED.distribution.counts.join(","));
  await expect(dist.getByTestId("retention-lowest").getByRole("listitem")).toHaveText([`${VIDEOS.a}${pct(0.5)}3 viewers`, `${VIDEOS.b}${pct(1)}1 viewer`]);

  // The category trends' D1 retention metric: the toggle writes the URL, and the chart's tooltip shows it.
  await page.getByTestId("panel-category-trends").getByRole("button", { name: "D1 retention", exact: true }).click();
  await expect(page).toHaveURL(/metric=retention_d1/);
  const trends = page.getByTestId("category-trends-chart");
  await hoverChart(page, trends, 0);
  await expect(trends).toContainText(`${DAYS.d1}Gaming: ${pct(R.gaming.d1)}Music: —`);
  await hoverChart(page, trends, 1);
  await expect(trends).toContainText(`${DAYS.d2}Gaming: not yet knownMusic: ${pct(R.music.d2)}`);
  await shot(page, info, "daily-retention");

  // The URL alone restores the view, in dark mode too.
  const dark = await browser.newContext({ colorScheme: "dark" });
  const other = await dark.newPage();
  await other.goto(page.url());
  await expect(other.getByTestId("panel-category-trends").getByRole("button", { name: "D1 retention", exact: true })).toHaveAttribute("aria-pressed", "true");
  await expect(other.getByTestId("retention-histogram")).toHaveAttribute("data-counts", EXPECTED.distribution.counts.join(","));
  await shot(other, info, "daily-retention-dark");
  await dark.close();
});

test("/daily answers a bad viewer floor with a clear message, and an empty range with the empty state", async ({ page }) => {
  await page.goto(`/daily?${RANGE}&min_viewers=abc`);
  await expect(page.getByTestId("invalid-params")).toContainText("min_viewers must be one of 1, 10, 100, 1000");
  await page.goto("/daily?from=2026-01-01&to=2026-01-02");
  await expect(page.getByTestId("panel-retention").getByTestId("panel-empty")).toHaveText("No built day in this range.");
});

test("a video's page charts its days above the history table; the day without a known retention says so", async ({ page }, info) => {
  await page.goto(`/videos/${VIDEOS.a}`);
  const panel = page.getByTestId("panel-video-daily");
  const chart = panel.getByTestId("video-daily-chart");
  await expect(chart).toHaveAttribute("data-points", "2");
  await expect(panel.getByTestId("retention-pending")).toHaveText(`D1 retention of ${DAYS.d2} is not yet known: it needs the whole next UTC day.`);
  await expect(panel.getByTestId("video-daily-retention")).toHaveText(["not yet known", pct(0.5)]);
  await hoverChart(page, chart, 0);
  await expect(chart).toContainText(`${DAYS.d1}Watch hours: 1.50Completion: 60.0%D1 retention: 50.0%`);
  await hoverChart(page, chart, 1);
  await expect(chart).toContainText(`${DAYS.d2}Watch hours: 2.50Completion: 80.0%D1 retention: not yet known`);
  await shot(page, info, "video-daily-chart");
});

test("the Pulse page's retention tile shows the newest known day and links to /daily", async ({ page }, info) => {
  await page.goto("/?range=1h");
  const tile = page.getByTestId("retention-tile");
  await expect(tile.getByTestId("retention-latest")).toHaveText(pct(R.platform.d1));
  await expect(tile).toContainText(`${DAYS.d1}'s viewers back on ${DAYS.d2}`);
  await expect(tile).toContainText(`${R.platform.d1Retained} of ${R.platform.d1Cohort} viewers`);
  // 2/3 against d0's 2/4: +16.7 points.
  await expect(tile.getByTestId("retention-previous")).toHaveText(`+16.7 pts vs ${pct(R.platform.d0)} on ${PLATFORM_D0}`);
  await expect(tile.getByTestId("retention-pending")).toHaveText(`${DAYS.d2}: known once 2026-11-22 is complete`);
  await shot(page, info, "pulse-retention-tile");
  await tile.click();
  await expect(page).toHaveURL(/\/daily\?metric=retention_d1/);
  await expect(page.getByTestId("panel-category-trends").getByRole("button", { name: "D1 retention", exact: true })).toHaveAttribute("aria-pressed", "true");
});
