/**
 * Annotations through the real server and the test instance's PostgreSQL (pulse_ops): the write API
 * takes the instance's token, stores what it is given and answers it back exactly; the list answers
 * a chart's window; hostile input of every kind gets a 4xx and stores nothing; the charts mark
 * the annotations of their window (screenshots annotations-pulse.png, annotations-video.png).
 */
import { expect, test } from "@playwright/test";
import { ensureApiToken } from "../lib/lakehouse/api-token";
import { pgRows } from "../tools/testing/pg-fixtures";
import { e2eWatermark, testTrino } from "./e2e-settings";
import { VIDEOS } from "./fixtures";
import { shot } from "./screenshots";

const TOKEN = ensureApiToken(testTrino);
const auth = { Authorization: `Bearer ${TOKEN}` };
const json = { "Content-Type": "application/json" };
const T = Date.UTC(2026, 10, 24, 12, 0);
const MIN = 60_000;

const count = async () => Number((await pgRows<{ n: string }>("SELECT count(*) AS n FROM pulse_ops.annotations"))[0]!.n);

test.beforeAll(async () => {
  await pgRows("DELETE FROM pulse_ops.annotations");
});

test("a deploy and an incident span are stored with author, source and time, listed by window, and deleted", async ({ request }) => {
  const deploy = await request.post("/api/annotations", {
    headers: { ...auth, ...json },
    data: { kind: "deploy", text: "api v42", author: "release-bot", source: "github-actions", at: "2026-11-24T12:03:40Z" },
  });
  expect(deploy.status(), await deploy.text()).toBe(201);
  const d = (await deploy.json()).data;
  // Stored at the minute (charts are per minute): 12:03:40 is 12:03.
  expect(d).toMatchObject({ kind: "deploy", at: T + 3 * MIN, endsAt: null, videoId: null, text: "api v42", author: "release-bot", source: "github-actions" });
  expect(deploy.headers().location).toBe(`/api/annotations/${d.id}`);
  expect(Math.abs(d.createdAt - Date.now())).toBeLessThan(60_000);

  const incident = await request.post("/api/annotations", {
    headers: { ...auth, ...json },
    data: { kind: "incident", text: "player stalls", author: "ops", at: "2026-11-24T11:30Z", endsAt: "2026-11-24T11:50Z", videoId: "v_e2e_a" },
  });
  expect(incident.status(), await incident.text()).toBe(201);
  const i = (await incident.json()).data;
  expect(i).toMatchObject({ kind: "incident", at: T - 30 * MIN, endsAt: T - 10 * MIN, videoId: "v_e2e_a", source: "api" });

  // The video's chart of 11:45–12:05 shows the span still running at 11:45 and the deploy; the platform's only the deploy.
  const ofVideo = await request.get("/api/annotations?from=2026-11-24T11:45Z&to=2026-11-24T12:05Z&videoId=v_e2e_a");
  expect((await ofVideo.json()).data.map((a: { id: number }) => a.id)).toEqual([i.id, d.id]);
  const ofPlatform = await request.get("/api/annotations?from=2026-11-24T11:45Z&to=2026-11-24T12:05Z");
  expect((await ofPlatform.json()).data.map((a: { id: number }) => a.id)).toEqual([d.id]);
  // A window that ends at the deploy's minute does not include it ([from, to)); one after the span's end leaves the span out.
  const before = await request.get("/api/annotations?from=2026-11-24T11:51Z&to=2026-11-24T12:03Z&videoId=v_e2e_a");
  expect((await before.json()).data).toEqual([]);

  expect((await request.delete(`/api/annotations/${d.id}`, { headers: auth })).status()).toBe(200);
  expect((await request.delete(`/api/annotations/${d.id}`, { headers: auth })).status()).toBe(404);
  expect(await count()).toBe(1);
});

test("writes without the token, or with a wrong one, are refused with 401 and store nothing", async ({ request }) => {
  const n = await count();
  const body = { kind: "note", text: "x", author: "me", at: "2026-11-24T12:00Z" };
  const none = await request.post("/api/annotations", { headers: json, data: body });
  expect(none.status()).toBe(401);
  expect(none.headers()["www-authenticate"]).toContain("Bearer");
  expect((await none.json()).error).toBe("this request needs the API token: send `Authorization: Bearer <token>`");
  for (const header of [`Bearer ${TOKEN}x`, `Bearer ${TOKEN.slice(1)}`, `Basic ${TOKEN}`, TOKEN]) {
    const res = await request.post("/api/annotations", { headers: { ...json, Authorization: header }, data: body });
    expect(res.status(), header).toBe(401);
  }
  const [first] = (await pgRows<{ id: string }>("SELECT id FROM pulse_ops.annotations LIMIT 1")) as { id: string }[];
  expect((await request.delete(`/api/annotations/${first!.id}`)).status()).toBe(401);
  expect(await count()).toBe(n);
});

test("hostile and malformed input gets a 4xx naming the problem and stores nothing", async ({ request }) => {
  const n = await count();
  // As bytes: Playwright would serialize a string body again under a JSON content type.
  const post = (body: string, headers: Record<string, string> = json) =>
    request.post("/api/annotations", { headers: { ...auth, ...headers }, data: Buffer.from(body) });
  const cases: [Promise<import("@playwright/test").APIResponse>, number, RegExp][] = [
    [post('{"kind":"note"', json), 400, /not valid JSON/],
    [post("kind=note", { "Content-Type": "application/x-www-form-urlencoded" }), 415, /must be JSON/],
    [post(JSON.stringify({ kind: "note", text: "x".repeat(20_000), author: "me", at: "2026-11-24T12:00Z" })), 413, /larger than 16384 bytes/],
    [post(JSON.stringify({ kind: "note", text: "x".repeat(2001), author: "me", at: "2026-11-24T12:00Z" })), 400, /text is longer than 2000/],
    [post(JSON.stringify({ kind: "note", text: "x", author: "me", at: "2026-11-24T12:00Z", id: 1 })), 400, /unknown field\(s\): id/],
    [post(JSON.stringify({ kind: "note", text: "x", author: "me", at: "2026-02-30T12:00Z" })), 400, /real instant/],
    [post(JSON.stringify({ kind: "note", text: "x", author: "me", at: "2026-11-24T12:00Z", videoId: "a' OR '1'='1" })), 400, /video id may contain only/],
    [post(JSON.stringify([{ kind: "note" }])), 400, /must be a JSON object/],
    [request.delete("/api/annotations/1%20OR%201=1", { headers: auth }), 400, /positive whole number/],
    [request.delete("/api/annotations/987654321", { headers: auth }), 404, /no annotation 987654321/],
    [request.get("/api/annotations?from=2026-11-24T12:00Z&to=2026-11-24T11:00Z"), 400, /from must be before to/],
    [request.get("/api/annotations?from=2026-11-24T12:00Z"), 400, /to/],
  ];
  for (const [answer, status, message] of cases) {
    const res = await answer;
    expect(res.status(), await res.text()).toBe(status);
    expect((await res.json()).error).toMatch(message);
  }
  expect(await count()).toBe(n);

  // Text shaped like SQL is stored as written, and the table is still there.
  const text = "'); DELETE FROM pulse_ops.annotations; --";
  const stored = await post(JSON.stringify({ kind: "note", text, author: "me", at: "2026-11-24T12:00Z" }));
  expect(stored.status()).toBe(201);
  expect((await stored.json()).data.text).toBe(text);
  expect(await count()).toBe(n + 1);
});

test("the charts mark them: a deploy on the Pulse chart; on a video's charts the platform's and that video's own", async ({ page, request }, info) => {
  const T = e2eWatermark();
  const iso = (ms: number) => new Date(ms).toISOString();
  const post = async (data: Record<string, string>) => {
    const res = await request.post("/api/annotations", { headers: { ...auth, ...json }, data: { author: "e2e", ...data } });
    expect(res.status(), await res.text()).toBe(201);
  };
  await pgRows("DELETE FROM pulse_ops.annotations");
  // Inside the last hour (buckets T - 60 min … T - 1 min): a platform deploy, an incident span on
  // video a, and a note on video b (on neither the Pulse chart nor video a's).
  await post({ kind: "deploy", text: "api v43", at: iso(T - 30 * MIN) });
  await post({ kind: "incident", text: "stalls on a", at: iso(T - 20 * MIN), endsAt: iso(T - 10 * MIN), videoId: VIDEOS.a });
  await post({ kind: "note", text: "b only", at: iso(T - 15 * MIN), videoId: VIDEOS.b });
  // A deploy an hour before the window is on no chart of it.
  await post({ kind: "deploy", text: "old", at: iso(T - 120 * MIN) });

  await page.goto("/?range=1h");
  const chart = page.getByTestId("platform-chart");
  await expect(chart).toHaveAttribute("data-points", "60");
  await expect(chart).toHaveAttribute("data-annotations", "1");
  await expect(chart.locator("canvas").first()).toBeVisible();
  await shot(page, info, "annotations-pulse");

  await page.goto(`/videos/${VIDEOS.a}?range=1h`);
  const counts = page.getByTestId("video-counts-chart");
  await expect(counts).toHaveAttribute("data-points", "60");
  await expect(counts).toHaveAttribute("data-annotations", "2");
  await expect(page.getByTestId("video-velocity-chart")).toHaveAttribute("data-annotations", "2");
  await expect(counts.locator("canvas").first()).toBeVisible();
  await shot(page, info, "annotations-video");
});

test("the annotations page: the form needs the token, a bad video id is named, a good one is stored and listed", async ({ page }, info) => {
  const n = await count();
  await page.goto("/annotations");
  const form = page.getByTestId("annotation-form");
  await expect(form.getByRole("button", { name: "Add annotation" })).toBeDisabled();
  await page.getByTestId("api-token").fill(TOKEN);
  await form.getByLabel("Kind").selectOption("incident");
  await form.getByLabel("At (UTC)").fill("2026-11-24T11:30");
  await form.getByLabel("Until (UTC, for a span)").fill("2026-11-24T11:50");
  await form.getByLabel("Text").fill("player stalls in EU");
  await form.getByLabel("Author").fill("ops on call");
  // The browser's own pattern check is bypassed so the server's answer is what the person sees.
  await form.evaluate((f) => f.setAttribute("novalidate", ""));
  await form.getByLabel("Video id (blank: the whole platform)").fill("v e2e");
  await form.getByRole("button", { name: "Add annotation" }).click();
  await expect(form.getByRole("alert")).toContainText("video id may contain only letters, digits, '_' and '-'");
  expect(await count()).toBe(n);
  await form.getByLabel("Video id (blank: the whole platform)").fill("");
  await form.getByRole("button", { name: "Add annotation" }).click();
  await expect(form.getByRole("status")).toContainText("Saved");
  const [row] = await pgRows<{ kind: string; at: Date; ends_at: Date; text: string; author: string; source: string; video_id: string | null }>(
    "SELECT kind, at, ends_at, text, author, source, video_id FROM pulse_ops.annotations ORDER BY id DESC LIMIT 1",
  );
  expect(row).toEqual({
    kind: "incident",
    at: new Date(T - 30 * MIN),
    ends_at: new Date(T - 10 * MIN),
    text: "player stalls in EU",
    author: "ops on call",
    source: "ui",
    video_id: null,
  });
  expect(await count()).toBe(n + 1);
  await shot(page, info, "annotations-form");
});

test("the daily charts mark annotations on the UTC day they fall in", async ({ page, request }) => {
  const post = async (body: Record<string, unknown>) => {
    const res = await request.post("/api/annotations", { headers: { ...auth, ...json }, data: Buffer.from(JSON.stringify({ author: "e2e", ...body })) });
    expect(res.status(), await res.text()).toBe(201);
    return (await res.json()).data.id as number;
  };
  // The fixture's marts cover 2026-11-20 .. 2026-11-21: a platform deploy on the 21st, an incident on video a the 20th.
  const ids = [
    await post({ kind: "deploy", text: "web v7", at: "2026-11-21T09:00Z" }),
    await post({ kind: "incident", text: "a's encoder", at: "2026-11-20T10:00Z", videoId: "v_e2e_a" }),
  ];
  await page.goto("/daily?from=2026-11-20&to=2026-11-21");
  await expect(page.getByTestId("category-trends-chart")).toHaveAttribute("data-annotations", "1");
  await expect(page.getByTestId("retention-chart")).toHaveAttribute("data-annotations", "1");
  await page.goto("/videos/v_e2e_a");
  await expect(page.getByTestId("video-daily-chart")).toHaveAttribute("data-annotations", "2");
  for (const id of ids) await request.delete(`/api/annotations/${id}`, { headers: auth });
});
