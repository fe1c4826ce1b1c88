/**
 * The three pages in Chromium against the production build: the numbers on screen are the
 * fixture's hand-computed EXPECTED values, written out as the page shows them; the URL holds the view.
 */
import fs from "node:fs";
import { expect, type Page, test } from "@playwright/test";
import { ensureApiToken } from "../lib/lakehouse/api-token";
import { pgRows } from "../tools/testing/pg-fixtures";
import { e2eWatermark, testTrino } from "./e2e-settings";
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
  // and 145 vs 200 a week earlier: −27.5 %; plays 86 vs 80: +7.5 %
  await expect(page.getByTestId("kpi-impressions").getByTestId("kpi-change-week")).toHaveText("−27.5% vs a week earlier");
  await expect(page.getByTestId("kpi-plays").getByTestId("kpi-change-week")).toHaveText("+7.5% vs a week earlier");
  await expect(page.getByTestId("platform-chart")).toHaveAttribute("data-points", "60");
  await expectWatermark(page, behindAtLoad);
  const rows = page.getByTestId("trending-row");
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toContainText(VIDEOS.a);
  // EXPECTED.trending[0].velocity = 46 / 15 = 3.0667 plays/min.
  await expect(rows.first().getByTestId("velocity")).toHaveText("3.07");
  await expect(page.getByText(VIDEOS.banned)).toHaveCount(0);
  // The Kafka ingest's two fixture dead letters, counted in the nav on every page.
  await expect(page.getByTestId("dead-letters")).toHaveText("2 dead letters");
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

test("comparisons: the Pulse and video charts overlay the same minutes a day or a week earlier, kept in the URL", async ({ page, request }, info) => {
  const T = e2eWatermark();
  type Point = { t: number; impressions: number; plays: number; finishes: number; likes: number };
  const points = async (url: string) => {
    const res = await request.get(url);
    expect(res.status(), await res.text()).toBe(200);
    const body = (await res.json()).data;
    return (Array.isArray(body) ? body : body.points) as Point[];
  };
  // The fixture's same hour yesterday: a, minutes T - 1 day - k min (k = 1..10), 10 impressions, 5 plays, 5 finishes each;
  // a week ago: minutes T - 7 days - k min, 20 impressions, 2 likes, 8 plays, 4 finishes. Drawn at T - k min.
  const day = await points("/api/pulse/series/baseline?range=1h&compare=day");
  expect(day).toHaveLength(60);
  expect(day[0]!.t).toBe(T - 60 * MIN);
  expect(day.filter((p) => p.plays > 0).map((p) => [(T - p.t) / MIN, p.impressions, p.plays, p.finishes])).toEqual(
    Array.from({ length: 10 }, (_, i) => [10 - i, 10, 5, 5]),
  );
  const week = await points("/api/pulse/series/baseline?range=1h&compare=week");
  expect(week.filter((p) => p.plays > 0).map((p) => [(T - p.t) / MIN, p.impressions, p.plays, p.finishes, p.likes])).toEqual(
    Array.from({ length: 10 }, (_, i) => [10 - i, 20, 8, 4, 2]),
  );
  const video = await points(`/api/videos/${VIDEOS.a}/series/baseline?range=1h&compare=week`);
  expect(video.reduce((s, p) => s + p.plays, 0)).toBe(80);
  expect((await request.get("/api/pulse/series/baseline?range=1h&compare=month")).status()).toBe(400);

  await page.goto("/?range=1h");
  const chart = page.getByTestId("platform-chart");
  await expect(chart).toHaveAttribute("data-series", "4");
  await page.getByTestId("panel-series").getByRole("button", { name: "week before" }).click();
  await expect(page).toHaveURL(/compare=week/);
  // Impressions, plays and finishes of a week earlier join the four lines, dashed.
  await expect(chart).toHaveAttribute("data-series", "7");
  await expect(chart.locator("canvas").first()).toBeVisible();
  await chart.scrollIntoViewIfNeeded();
  const box = (await chart.boundingBox())!;
  // The last minute (T - 1 min) sits at the right edge of the plot (16 px inset on the left-axis side, 56 px with the right axis).
  await page.mouse.move(box.x + box.width - 60, box.y + box.height / 2);
  await expect(chart).toContainText("Plays (a week earlier): 8");
  await shot(page, info, "compare-pulse-week");
  // The URL carries it: a fresh load draws the overlay again; a bad value is a clear message.
  await page.goto("/?range=1h&compare=day");
  await expect(chart).toHaveAttribute("data-series", "7");
  await page.goto("/?range=1h&compare=month");
  await expect(page.getByText("compare must be off, day or week")).toBeVisible();
  await page.goto(`/videos/${VIDEOS.a}?range=1h&compare=week`);
  // While the page streams in, the seeded panel and its replacement can both be in the DOM for a moment.
  await expect(page.getByTestId("video-counts-chart")).toHaveCount(1);
  await expect(page.getByTestId("video-counts-chart")).toHaveAttribute("data-series", "10");
  await shot(page, info, "compare-video-week");
});

test("trending rows explain themselves: creator and hashtags, a 60-minute sparkline, and why each ranks", async ({ page }, info) => {
  await page.goto("/?range=1h");
  const rows = page.getByTestId("trending-row");
  await expect(rows).toHaveCount(2);
  const a = rows.filter({ hasText: VIDEOS.a });
  await expect(a.getByTestId("video-meta")).toHaveText("by u_e2e · #e2e");
  // a's plays per minute, oldest first: 30 minutes of 0, 15 of 1, 15 of 3 (4 at T - 5 min, the late play).
  const expected = [...new Array(30).fill(0), ...new Array(15).fill(1), ...Array.from({ length: 15 }, (_, i) => (i === 10 ? 4 : 3))];
  await expect(a.getByTestId("sparkline")).toHaveAttribute("data-values", expected.join(","));
  const why = a.getByTestId("why-it-ranks");
  await expect(why).toBeHidden();
  await a.getByRole("link", { name: VIDEOS.a }).focus();
  await expect(why).toBeVisible();
  // velocity 46 / 15; z = (46/15 - 1/3) / sqrt(2/9) = 41 / (5 sqrt 2) = 5.80; freshness 2^(-24/48) = 70.7 %.
  await expect(why.getByTestId("why-velocity")).toHaveText("3.07 plays/min");
  await expect(why.getByTestId("why-z")).toHaveText("5.8");
  await expect(why.getByTestId("why-freshness")).toContainText("70.7%");
  await shot(page, info, "trending-why-it-ranks");
  // b has no plays before its window: no z. (Focus moves on, so a's explanation closes.)
  await rows.filter({ hasText: VIDEOS.b }).getByRole("link", { name: VIDEOS.b }).focus();
  await expect(why).toBeHidden();
  await expect(rows.filter({ hasText: VIDEOS.b }).getByTestId("why-z")).toHaveText("flat before: n/a");
});

test("the nav's video search finds videos by id prefix or hashtag, and opens one", async ({ page, request }) => {
  const ids = async (q: string) => {
    const res = await request.get(`/api/search/videos?q=${encodeURIComponent(q)}`);
    expect(res.status(), await res.text()).toBe(200);
    return ((await res.json()).data as { videoId: string; matched: string }[]).map((h) => `${h.videoId}:${h.matched}`);
  };
  // Every fixture video is tagged #e2e and starts with v_e2e_; an exact id comes first.
  expect(await ids("v_e2e")).toEqual(["v_e2e_a:id", "v_e2e_b:id", "v_e2e_banned:id", "v_e2e_quiet:id"]);
  expect(await ids("v_e2e_b")).toEqual(["v_e2e_b:id", "v_e2e_banned:id"]);
  expect(await ids("#E2E")).toEqual(["v_e2e_a:hashtag", "v_e2e_b:hashtag", "v_e2e_banned:hashtag", "v_e2e_quiet:hashtag"]);
  // '_' is a LIKE wildcard: escaped, "v_e2e" does not match an id like "vXe2e…" (none here), and "v%" is refused outright.
  expect(await ids("v_nothing")).toEqual([]);
  for (const bad of ["v%", "' OR 1=1 --", "x"]) {
    const res = await request.get(`/api/search/videos?q=${encodeURIComponent(bad)}`);
    expect(res.status(), bad).toBe(400);
  }

  await page.goto("/daily");
  await page.getByTestId("video-search").fill("#e2e");
  const results = page.getByTestId("video-search-results");
  await expect(results.getByRole("button")).toHaveCount(4);
  await results.getByRole("button", { name: /^v_e2e_bMusic/ }).click();
  await expect(page).toHaveURL(/\/videos\/v_e2e_b$/);
  await expect(page.getByTestId("video-category")).toHaveText("Music");
});

test("chart interaction: click a minute to list its top videos, drag across minutes to zoom; both live in the URL", async ({ page }, info) => {
  const T = e2eWatermark();
  await page.goto("/?range=1h");
  const chart = page.getByTestId("platform-chart");
  await expect(chart.locator("canvas").first()).toBeVisible();
  await chart.scrollIntoViewIfNeeded();
  const box = (await chart.getByTestId("chart-pointer").boundingBox())!;
  // The plot: 48 px from the left, 56 px from the right (the completion axis); 60 minutes, T - 60 .. T - 1.
  const xOf = (i: number) => box.x + 48 + (i / 59) * (box.width - 48 - 56);
  const y = box.y + box.height / 2;
  await page.mouse.click(xOf(55), y);
  const at = new Date(T - 5 * MIN).toISOString().slice(0, 16);
  await expect(page).toHaveURL(new RegExp(`at=${encodeURIComponent(at)}Z|at=${at}Z`));
  // Minute T - 5: a's 3 plays and its late play, 4; b's 1.
  const list = page.getByTestId("bucket-top-videos");
  await expect(list.getByTestId("bucket-video")).toHaveCount(2);
  await expect(list.getByTestId("bucket-video").first()).toContainText(VIDEOS.a);
  await expect(list.getByTestId("bucket-plays")).toHaveText(["4", "1"]);
  await shot(page, info, "chart-click-top-videos");

  // Drag from minute T - 25 to T - 15: the page's range becomes [T - 25, T - 14), 11 minutes.
  await page.mouse.move(xOf(35), y);
  await page.mouse.down();
  await page.mouse.move(xOf(40), y, { steps: 4 });
  await expect(chart.getByTestId("chart-selection")).toBeVisible();
  await page.mouse.move(xOf(45), y, { steps: 4 });
  await page.mouse.up();
  const iso = (ms: number) => new Date(ms).toISOString().slice(0, 16);
  await expect(page).toHaveURL(/range=custom/);
  expect(decodeURIComponent(page.url())).toContain(`from=${iso(T - 25 * MIN)}Z`);
  expect(decodeURIComponent(page.url())).toContain(`to=${iso(T - 14 * MIN)}Z`);
  await expect(chart).toHaveAttribute("data-points", "11");
  // Its plays: T - 25 .. T - 16, one a minute (a's earlier window), and T - 15: a's 3 and b's 1.
  await expect(page.getByTestId("kpi-plays").getByTestId("kpi-value")).toHaveText("14");

  // A video's charts zoom the same way, within the range they loaded (the counts chart has no right axis: 16 px).
  await page.goto(`/videos/${VIDEOS.a}?range=1h`);
  const counts = page.getByTestId("video-counts-chart");
  await expect(counts.locator("canvas").first()).toBeVisible();
  await counts.scrollIntoViewIfNeeded();
  const vbox = (await counts.getByTestId("chart-pointer").boundingBox())!;
  const vx = (i: number) => vbox.x + 48 + (i / 59) * (vbox.width - 48 - 16);
  await page.mouse.move(vx(35), vbox.y + vbox.height / 2);
  await page.mouse.down();
  await page.mouse.move(vx(45), vbox.y + vbox.height / 2, { steps: 6 });
  await page.mouse.up();
  expect(decodeURIComponent(page.url())).toContain(`from=${iso(T - 25 * MIN)}Z`);
  await expect(counts).toHaveAttribute("data-points", "11");
  await expect(page.getByTestId("video-velocity-chart")).toHaveAttribute("data-points", "11");
  await page.getByRole("button", { name: "Reset zoom" }).click();
  await expect(counts).toHaveAttribute("data-points", "60");
  await expect(page.getByTestId("bucket-top-videos")).toHaveCount(0);
});

test("pin a live range to absolute times, save views through the form, list and delete them; hostile views are refused", async ({ page, request }, info) => {
  const T = e2eWatermark();
  const token = ensureApiToken(testTrino);
  const auth = { Authorization: `Bearer ${token}`, "Content-Type": "application/json" };
  await pgRows("DELETE FROM pulse_ops.saved_views");
  await page.goto("/?range=1h&compare=day");
  await expect(page.getByTestId("platform-chart")).toHaveAttribute("data-points", "60");
  await page.getByTestId("pin-button").click();
  // The last hour as of the watermark T: [T - 60 min, T), and the page says it is pinned.
  const iso = (ms: number) => `${new Date(ms).toISOString().slice(0, 16)}Z`;
  await expect(page).toHaveURL(/pinned=true/);
  const url = decodeURIComponent(page.url());
  expect(url).toContain(`from=${iso(T - 60 * MIN)}`);
  expect(url).toContain(`to=${iso(T)}`);
  expect(url).toContain("compare=day");
  await expect(page.getByTestId("pinned-banner")).toContainText("this link always shows these minutes");
  await expect(page.getByTestId("kpi-plays").getByTestId("kpi-value")).toHaveText(String(EXPECTED.kpis1h.current.plays));

  // The pinned link unfurls with its own range, numbers and annotations: the page's og:image is rendered for its query.
  const deploy = await request.post("/api/annotations", {
    headers: auth,
    data: Buffer.from(JSON.stringify({ kind: "deploy", text: "api v42", author: "ci", at: iso(T - 30 * MIN) })),
  });
  expect(deploy.status()).toBe(201);
  // An unfurler opens the link afresh: the metadata is the server's for that URL (pinning itself is a client-side URL change).
  await page.reload();
  const og = new URL((await page.locator('meta[property="og:image"]').getAttribute("content"))!);
  expect(og.pathname).toBe("/api/og/pulse");
  expect(og.searchParams.get("pinned")).toBe("true");
  const image = await request.get(`${og.pathname}${og.search}`);
  expect(image.status()).toBe(200);
  expect(image.headers()["content-type"]).toBe("image/png");
  const model = (await (await request.get(`${og.pathname}${og.search}&format=json`)).json()).data;
  const hhmm = (ms: number) => new Date(ms).toISOString().slice(11, 16);
  expect(model.title).toBe(`Pinned: ${new Date(T - 60 * MIN).toISOString().slice(0, 16).replace("T", " ")} – ${hhmm(T)} UTC`);
  expect(model.stats).toEqual([
    ["plays", "86"],
    ["impressions", "145"],
    ["completion", "64.0%"],
  ]);
  // Other specs may have left notes in this hour (annotations.spec.ts): this one is among the newest three.
  expect(model.notes).toContainEqual({ kind: "deploy", line: `deploy ${hhmm(T - 30 * MIN)}: api v42` });
  await request.delete(`/api/annotations/${(await deploy.json()).data.id}`, { headers: auth });

  // Save it through the nav's form, with the token.
  await page.getByRole("button", { name: "Save view" }).click();
  const form = page.getByTestId("save-view-form");
  await form.getByLabel("Name").fill("Incident hour");
  await form.getByLabel("Author").fill("ops");
  await form.getByTestId("api-token").fill(token);
  await form.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByTestId("save-view-status")).toHaveText("Saved: listed under Views.");
  await expect(form).toHaveCount(0);
  const [row] = await pgRows<{ name: string; url: string; pinned: boolean; author: string }>("SELECT name, url, pinned, author FROM pulse_ops.saved_views");
  expect(row).toMatchObject({ name: "Incident hour", pinned: true, author: "ops" });
  expect(row!.url.startsWith("/?")).toBe(true);

  // Back to live: the preset again, the banner gone.
  await page.getByRole("button", { name: "Back to live" }).click();
  await expect(page).toHaveURL(/range=1h/);
  await expect(page.getByTestId("pinned-banner")).toHaveCount(0);

  await page.goto("/views");
  const views = page.getByTestId("saved-view");
  await expect(views).toHaveCount(1);
  await expect(views.first()).toContainText("pinned");
  await shot(page, info, "saved-views");
  await views.first().getByRole("link", { name: "Incident hour" }).click();
  await expect(page.getByTestId("pinned-banner")).toBeVisible();

  // Hostile input: another site, a script URL, an unknown field, no token; none is stored.
  const post = (body: unknown, headers: Record<string, string> = auth) => request.post("/api/views", { headers, data: Buffer.from(JSON.stringify(body)) });
  for (const [body, status] of [
    [{ name: "x", author: "e", url: "https://evil.example/" }, 400],
    [{ name: "x", author: "e", url: "//evil.example/" }, 400],
    [{ name: "x", author: "e", url: "javascript:alert(1)" }, 400],
    [{ name: "x", author: "e", url: "/", admin: true }, 400],
    [{ name: "x".repeat(201), author: "e", url: "/" }, 400],
  ] as const) {
    expect((await post(body)).status(), JSON.stringify(body)).toBe(status);
  }
  expect((await post({ name: "x", author: "e", url: "/" }, { "Content-Type": "application/json" })).status()).toBe(401);
  expect((await request.delete("/api/views/987654", { headers: auth })).status()).toBe(404);
  expect(Number((await pgRows<{ n: string }>("SELECT count(*) AS n FROM pulse_ops.saved_views"))[0]!.n)).toBe(1);
  // Deleted through the page.
  await page.goto("/views");
  await page.getByTestId("api-token").fill(token);
  await page.getByTestId("saved-view").first().getByRole("button", { name: "Delete" }).click();
  await expect(page.getByTestId("saved-view")).toHaveCount(0);
  // A saved /daily link unfurls too: its page names an image, served as a PNG.
  await page.goto("/daily");
  const dailyOg = new URL((await page.locator('meta[property="og:image"]').getAttribute("content"))!);
  expect(dailyOg.pathname).toContain("/daily/opengraph-image");
  const dailyImage = await request.get(`${dailyOg.pathname}${dailyOg.search}`);
  expect(dailyImage.status()).toBe(200);
  expect(dailyImage.headers()["content-type"]).toBe("image/png");
});

test("cross-filter: a category or creator clicked in the trending table narrows the tiles, the chart and the table; it lives in the URL", async ({
  page,
  request,
}, info) => {
  // Gaming is video a alone: in the last hour 15 x 3 recent plays, 1 late play, 15 x 1 earlier = 61;
  // the same hour yesterday 10 x 5 = 50 (+22.0 %), a week ago 10 x 8 = 80 (-23.8 %).
  const music = (await (await request.get("/api/pulse/series?range=1h&category=Music")).json()).data as { points: { plays: number }[] };
  expect(music.points).toHaveLength(60);
  expect(music.points.reduce((s, p) => s + p.plays, 0)).toBe(15);
  expect((await request.get("/api/pulse/kpis?range=custom&from=2026-11-20T00:00Z&to=2026-11-22T00:00Z&category=Music")).status()).toBe(400);
  // The other new read endpoints refuse malformed input with a 400 too.
  for (const bad of [
    "/api/pulse/series?range=1h&creator=u'%20OR%201=1",
    "/api/pulse/top-videos?from=noon&to=2026-11-25T12:00Z",
    "/api/pulse/top-videos?from=2026-11-20T00:00Z&to=2026-11-25T00:00Z",
    "/api/og/pulse?range=9y",
    `/api/videos/${VIDEOS.a}/series/baseline?compare=month`,
  ]) {
    const res = await request.get(bad);
    expect(res.status(), bad).toBe(400);
    expect((await res.json()).error, bad).toBeTruthy();
  }

  await page.goto("/?range=1h");
  await page.getByTestId("trending-row").filter({ hasText: VIDEOS.a }).getByRole("button", { name: "Gaming" }).click();
  await expect(page).toHaveURL(/category=Gaming/);
  await expect(page.getByTestId("cross-filter")).toContainText("category Gaming");
  const plays = page.getByTestId("kpi-plays");
  await expect(plays.getByTestId("kpi-value")).toHaveText("61");
  await expect(plays.getByTestId("kpi-change")).toHaveText("+22.0% vs 24 h earlier");
  await expect(plays.getByTestId("kpi-change-week")).toHaveText("−23.8% vs a week earlier");
  await expect(page.getByTestId("trending-row")).toHaveCount(1);
  await shot(page, info, "cross-filter-category");
  // A fresh load of the URL draws the same; clearing the chip restores the whole platform.
  await page.reload();
  await expect(plays.getByTestId("kpi-value")).toHaveText("61");
  await page
    .getByTestId("cross-filter")
    .getByRole("button", { name: /category Gaming/ })
    .click();
  await expect(plays.getByTestId("kpi-value")).toHaveText(String(EXPECTED.kpis1h.current.plays));
  // Every fixture video is u_e2e's, the banned one included: the creator filter keeps the platform's numbers.
  await page.getByTestId("trending-row").filter({ hasText: VIDEOS.b }).getByRole("button", { name: "u_e2e" }).click();
  await expect(page).toHaveURL(/creator=u_e2e/);
  await expect(plays.getByTestId("kpi-value")).toHaveText(String(EXPECTED.kpis1h.current.plays));
  await expect(page.getByTestId("trending-row")).toHaveCount(2);
});
