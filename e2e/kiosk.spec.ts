/**
 * The wall screen at 1920 x 1080: kiosk mode hides navigation and controls and zooms the page to the
 * screen (light and dark screenshots), and a playlist of two views cycles at its dwell time with the
 * next view loaded before it shows. The stall-to-amber test commits to the RT log, so it lives in
 * kiosk-stall.spec.ts (the "outage" project).
 */
import { expect, test } from "@playwright/test";
import { ensureApiToken } from "../lib/lakehouse/api-token";
import { pgRows } from "../tools/testing/pg-fixtures";
import { e2eWatermark, testTrino } from "./e2e-settings";
import { VIDEOS } from "./fixtures";
import { shot } from "./screenshots";

test.use({ viewport: { width: 1920, height: 1080 } });

// The fixture's last commit is minutes old by now: a 60-minute threshold keeps these screens out of amber.
const CALM = "stale=60";

test("kiosk mode hides the navigation and every control, zooms to the screen and survives a reload", async ({ page, request }, info) => {
  // The server's HTML is already in kiosk form (the marker the CSS keys on): no flash of navigation.
  expect(await (await request.get(`/?range=1h&kiosk=1&${CALM}`)).text()).toContain("data-kiosk-on");
  await page.goto(`/?range=1h&kiosk=1&${CALM}`);
  await expect(page.getByTestId("kpi-impressions").getByTestId("kpi-value")).toHaveText("145");
  // No navigation, no range picker, no pause, no pin, no per-panel buttons (SQL, CSV, overlay).
  await expect(page.getByRole("link", { name: "Daily marts" })).toBeHidden();
  await expect(page.getByRole("button", { name: "Save view" })).toBeHidden();
  await expect(page.getByTestId("pause")).toBeHidden();
  await expect(page.getByTestId("pin-button")).toBeHidden();
  const sql = page.getByRole("button", { name: "SQL", exact: true, includeHidden: true });
  await expect(sql).toHaveCount(4);
  for (const b of await sql.all()) await expect(b).toBeHidden();
  // The watermark stays, large: the strip names the fixture's watermark T in UTC.
  const hhmm = new Date(e2eWatermark()).toISOString().slice(11, 16);
  await expect(page.getByTestId("kiosk-status")).toContainText(`data through ${hhmm} UTC`);
  await expect(page.getByTestId("kiosk-status")).toHaveAttribute("data-stale", "false");
  await expect(page.getByTestId("kiosk-stale-frame")).toHaveCount(0);
  // 1920 px wide shows a 1440-px layout zoomed 4/3: type and charts alike.
  expect(Number(await page.evaluate(() => getComputedStyle(document.body).zoom))).toBeCloseTo(1920 / 1440, 3);
  // Charts draw at the zoomed resolution: the canvas holds 4/3 of its layout width in pixels.
  const canvas = page.getByTestId("platform-chart").locator("canvas").first();
  await expect(canvas).toBeVisible();
  const sharp = await canvas.evaluate((c: HTMLCanvasElement) => c.width / c.offsetWidth);
  expect(sharp).toBeCloseTo(1920 / 1440, 2);
  await shot(page, info, "kiosk-light", { screen: true });

  // A 4K screen: the same layout at 8/3.
  await page.setViewportSize({ width: 3840, height: 2160 });
  await expect.poll(async () => Number(await page.evaluate(() => getComputedStyle(document.body).zoom))).toBeCloseTo(3840 / 1440, 3);
  await page.setViewportSize({ width: 1920, height: 1080 });

  await page.reload();
  await expect(page.getByTestId("kpi-impressions").getByTestId("kpi-value")).toHaveText("145");
  await expect(page.getByRole("link", { name: "Daily marts" })).toBeHidden();
  await expect(page.getByTestId("kiosk-status")).toBeVisible();

  await page.emulateMedia({ colorScheme: "dark" });
  expect(await page.evaluate(() => matchMedia("(prefers-color-scheme: dark)").matches)).toBe(true);
  await shot(page, info, "kiosk-dark", { screen: true });

  // The daily marts on a wall: the fixture's last built day (2026-11-21) is days behind, so the frame says so.
  await page.emulateMedia({ colorScheme: "light" });
  await page.goto(`/daily?kiosk=1&${CALM}`);
  await expect(page.getByTestId("kiosk-headline")).toHaveText("The daily marts are late: yesterday is not built yet");
  await expect(page.getByTestId("kiosk-stale-frame")).toBeVisible();
  await shot(page, info, "kiosk-daily-late", { screen: true });

  // The same page without the flag has its navigation and controls back.
  await page.goto("/?range=1h");
  await expect(page.getByRole("link", { name: "Daily marts" })).toBeVisible();
  await expect(page.getByTestId("pause")).toBeVisible();
  await expect(page.getByTestId("kiosk-status")).toHaveCount(0);
});

test("kiosk parameters are checked like every other: a bad flag or threshold is named, not ignored", async ({ page }) => {
  await page.goto("/?kiosk=yes");
  await expect(page.getByText("kiosk must be 1 (on) or 0 (off)")).toBeVisible();
  await page.goto("/?kiosk=1&stale=0");
  await expect(page.getByText("stale must be at least 0.5 minutes")).toBeVisible();
});

test("a playlist of two views cycles at its dwell time, each view loaded before it shows", async ({ page, request }, info) => {
  test.setTimeout(90_000);
  const auth = { Authorization: `Bearer ${ensureApiToken(testTrino)}`, "Content-Type": "application/json" };
  await pgRows("DELETE FROM pulse_ops.playlists");
  await pgRows("DELETE FROM pulse_ops.saved_views");
  const view = await (await request.post("/api/views", { headers: auth, data: { name: "Last hour", author: "ops", url: "/?range=1h" } })).json();
  const created = await request.post("/api/playlists", {
    headers: auth,
    data: {
      name: "Ops wall",
      author: "ops",
      items: [
        { viewId: view.data.id, dwellSeconds: 6 },
        { url: `/videos/${VIDEOS.a}`, dwellSeconds: 8 },
      ],
    },
  });
  expect(created.status()).toBe(201);
  const playlist = (await created.json()).data;
  expect(playlist.items.map((i: { url: string; viewName: string | null }) => [i.url, i.viewName])).toEqual([
    ["/?range=1h", "Last hour"],
    [`/videos/${VIDEOS.a}`, null],
  ]);

  await page.goto(`/playlists/${playlist.id}?${CALM}`);
  const active = page.locator('[data-testid="playlist-frame"][data-active="true"]');
  await expect(active).toHaveAttribute("data-item", "0");
  await expect(active).toHaveAttribute("src", "/?range=1h&kiosk=1&stale=60");
  // The second view loads behind the first, then waits there, live.
  const next = page.locator('[data-testid="playlist-frame"][data-active="false"]');
  await expect(next).toHaveAttribute("src", `/videos/${VIDEOS.a}?kiosk=1&stale=60`);
  await expect(next).toHaveAttribute("data-loaded", "true", { timeout: 15_000 });
  await expect(page.getByTestId("playlist-position")).toHaveText("Ops wall · 1 / 2 · Last hour");
  const first = page.frameLocator('[data-testid="playlist-frame"][data-item="0"]');
  await expect(first.getByTestId("kpi-impressions").getByTestId("kpi-value")).toHaveText("145");
  await expect(first.getByRole("link", { name: "Daily marts" })).toBeHidden();

  // Time each swap by the player's own clock (when each view was shown). The first waits for view 2 to
  // have loaded (at least 6 s, at most 6 + 10 s of grace); after that both frames are loaded and live,
  // so 1 -> 0 comes after view 2's 8 s and 0 -> 1 after view 1's 6 s, plus the 250 ms tick (and any delay of a busy machine's timers).
  const swaps: { item: string; afterMs: number }[] = [];
  let shown = "0";
  let shownAt = Number(await active.getAttribute("data-shown-at"));
  while (swaps.length < 3) {
    const item = await active.getAttribute("data-item");
    const at = Number(await active.getAttribute("data-shown-at"));
    if (item !== null && item !== shown && at > shownAt) {
      swaps.push({ item, afterMs: at - shownAt });
      shown = item;
      shownAt = at;
      if (item === "1" && swaps.length === 3) {
        // The moment it shows, the video page already has its numbers: no skeleton, no empty panel.
        const second = page.frameLocator('[data-testid="playlist-frame"][data-item="1"]');
        await expect(second.getByTestId("video-id")).toHaveText(VIDEOS.a, { timeout: 500 });
        await expect(second.locator('[aria-busy="true"] .animate-pulse')).toHaveCount(0, { timeout: 500 });
        await shot(page, info, "kiosk-playlist", { screen: true });
      }
    }
    await page.waitForTimeout(100);
  }
  console.log(`[kiosk] playlist swaps after ${swaps.map((s) => `${s.afterMs} ms (to view ${Number(s.item) + 1})`).join(", ")}; dwell 6 s, 8 s, 6 s`);
  expect(swaps.map((s) => s.item)).toEqual(["1", "0", "1"]);
  expect(swaps[0]!.afterMs).toBeGreaterThanOrEqual(6_000);
  expect(swaps[0]!.afterMs).toBeLessThan(16_500);
  expect(swaps[1]!.afterMs).toBeGreaterThanOrEqual(8_000);
  expect(swaps[1]!.afterMs).toBeLessThan(9_000);
  expect(swaps[2]!.afterMs).toBeGreaterThanOrEqual(6_000);
  expect(swaps[2]!.afterMs).toBeLessThan(7_000);
});

test("playlists are defined in the UI, listed with their cycle, and their API refuses bad input", async ({ page, request }, info) => {
  const token = ensureApiToken(testTrino);
  const auth = { Authorization: `Bearer ${token}`, "Content-Type": "application/json" };
  await pgRows("DELETE FROM pulse_ops.playlists");
  await pgRows("DELETE FROM pulse_ops.saved_views");
  const view = (await (await request.post("/api/views", { headers: auth, data: { name: "Daily", author: "pm", url: "/daily" } })).json()).data;

  await page.goto("/playlists");
  await expect(page.getByText("No playlists yet")).toBeVisible();
  await page.getByLabel("API token").fill(token);
  await page.getByRole("button", { name: "New playlist" }).click();
  const form = page.getByTestId("playlist-form");
  await form.getByLabel("Name").fill("Morning review");
  await form.getByLabel("Author").fill("pm");
  await form.getByLabel("view 1").selectOption({ label: "Daily" });
  await form.getByLabel("seconds 1").fill("45");
  await form.getByRole("button", { name: "+ Add a view" }).click();
  await form.getByLabel("view 2").selectOption({ label: "A dashboard URL…" });
  await form.getByLabel("url 2").fill("https://evil.example/");
  await form.getByLabel("seconds 2").fill("15");
  await form.getByRole("button", { name: "Save playlist" }).click();
  // The server's message names the bad field; the form keeps what was typed.
  await expect(form.getByRole("alert")).toContainText("items.1.url: url must be a page of this dashboard");
  await form.getByLabel("url 2").fill("/?range=6h");
  await form.getByRole("button", { name: "Save playlist" }).click();
  await expect(form).toHaveCount(0);
  const row = page.getByTestId("playlist");
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("Morning review");
  await expect(row).toContainText("2 views, one cycle 1 min 0 s");
  await shot(page, info, "playlists");
  const [stored] = await pgRows<{ id: string }>("SELECT id FROM pulse_ops.playlists");
  const items = await pgRows<{ position: number; view_id: string | null; url: string | null; dwell_seconds: number }>(
    "SELECT position, view_id, url, dwell_seconds FROM pulse_ops.playlist_items ORDER BY position",
  );
  expect(items).toEqual([
    { position: 0, view_id: String(view.id), url: null, dwell_seconds: 45 },
    { position: 1, view_id: null, url: "/?range=6h", dwell_seconds: 15 },
  ]);

  // The API: each refusal says why, none is a 500.
  const put = (body: unknown, headers: Record<string, string> = auth) =>
    request.put(`/api/playlists/${stored!.id}`, { headers, data: Buffer.from(JSON.stringify(body)) });
  const item = (o: Record<string, unknown>) => ({ name: "x", author: "y", items: [{ dwellSeconds: 10, ...o }] });
  const refusals: [unknown, number, string][] = [
    [item({ url: "https://evil.example/" }), 400, "url must be a page of this dashboard"],
    [item({ url: "/playlists/1" }), 400, "url must be a page of this dashboard"],
    [item({ url: "/", viewId: view.id }), 400, "either a saved view (viewId) or a url, not both"],
    [item({ viewId: 987654 }), 400, "no saved view 987654"],
    [item({ url: "/", dwellSeconds: 3601 }), 400, "dwellSeconds must be at most 3600"],
    [{ name: "x", author: "y", items: [] }, 400, "a playlist needs at least one item"],
    [{ ...item({ url: "/" }), extra: 1 }, 400, "unknown field(s): extra"],
  ];
  for (const [body, status, message] of refusals) {
    const res = await put(body);
    expect(res.status(), JSON.stringify(body)).toBe(status);
    expect((await res.json()).error).toContain(message);
  }
  expect((await put(item({ url: "/" }), { "Content-Type": "application/json" })).status()).toBe(401);
  expect((await request.get("/api/playlists/abc")).status()).toBe(400);
  expect((await request.get("/api/playlists/987654")).status()).toBe(404);
  // A saved view a playlist shows cannot be deleted: 409 naming the playlist.
  const refused = await request.delete(`/api/views/${view.id}`, { headers: auth });
  expect(refused.status()).toBe(409);
  expect((await refused.json()).error).toBe(`saved view ${view.id} is shown by playlist "Morning review" (${stored!.id}): remove it from them first`);
  // The player checks its frames' threshold like any page.
  await page.goto(`/playlists/${stored!.id}?stale=0`);
  await expect(page.getByText("stale must be at least 0.5 minutes")).toBeVisible();
  // A whole replacement, then the list and the player follow it.
  const replaced = await put({ name: "Evening", author: "ops", items: [{ url: "/?range=1h", dwellSeconds: 20 }] });
  expect(replaced.status()).toBe(200);
  expect((await replaced.json()).data.items).toEqual([{ position: 0, viewId: null, viewName: null, url: "/?range=1h", dwellSeconds: 20 }]);
  expect((await request.delete(`/api/views/${view.id}`, { headers: auth })).status()).toBe(200);
  expect((await request.delete(`/api/playlists/${stored!.id}`, { headers: auth })).status()).toBe(200);
  await page.goto(`/playlists/${stored!.id}`);
  await expect(page.getByText("No such playlist")).toBeVisible();
});

test("public/ serves the favicon, robots.txt (no crawling) and the web app manifest", async ({ request, page }) => {
  const ico = await request.get("/favicon.ico");
  expect(ico.status()).toBe(200);
  // ICO header: reserved 0, type 1 (icon), 3 images (16, 32 and 48 px).
  expect([...(await ico.body()).subarray(0, 6)]).toEqual([0, 0, 1, 0, 3, 0]);
  const robots = await request.get("/robots.txt");
  expect(robots.status()).toBe(200);
  expect(await robots.text()).toMatch(/^User-agent: \*\nDisallow: \/$/m);
  const manifest = await (await request.get("/manifest.webmanifest")).json();
  expect([manifest.short_name, manifest.display, manifest.start_url]).toEqual(["Pulse", "fullscreen", "/"]);
  for (const icon of manifest.icons as { src: string }[]) expect((await request.get(icon.src)).status(), icon.src).toBe(200);
  await page.goto("/?range=1h");
  await expect(page.locator('link[rel="manifest"]')).toHaveAttribute("href", "/manifest.webmanifest");
});
