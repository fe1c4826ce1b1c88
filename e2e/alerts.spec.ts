/**
 * Alerts end to end, against the real Trino, the instance's PostgreSQL and a webhook receiver run
 * by this spec: rules made through the API, four fixture commits of the real-time log (Gold rows of
 * a new batch, then its 'committed' checkpoint, as the micro-batch writes them), and the events each
 * commit must cause, at the minute and with the numbers worked out by hand below. Also: a receiver
 * that fails once is retried, one that is down is dead-lettered and redelivered on request, and the
 * delay from each commit to its webhook is printed (p50, p95, max: a figure, not a pass/fail).
 *
 * Platform plays per closed minute (e2e/fixtures.ts plus the commits):
 *   T-10 .. T-1: 4 each, but T-5 = 5 (a late play) and T-3 = 14 (the banned video's 10)
 *   T = 1,000 (the fixture's open minute, closed by commit 1), T+1 = 600, T+2 = 300, T+3 = 100
 * Rule "surge": plays above 500 for 2 min, resolves at <= 200:
 *   T breach (pending), T+1 breach: FIRING at T+1 (commit 2); T+2 holds (300 is between); T+3: RESOLVED (commit 4)
 * Rule "spike": plays z >= 3 against the 10 minutes before, for 1 min, resolves below z 1:
 *   T: mean 5.1, sd sqrt(8.89), z = 994.9 / 2.9816 = 333.7: FIRING at T (commit 1)
 *   T+1: sample T-9 .. T, mean 104.7, sd sqrt(89071.21) = 298.45, z = 495.3 / 298.45 = 1.660: holds
 *   T+2: sample T-8 .. T+1, mean 164.3, sd sqrt(109037.21) = 330.21, z = 135.7 / 330.21 = 0.411: RESOLVED (commit 3)
 *
 * It moves the RT watermark, so it runs in the "outage" project, and takes its commits back after.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { ensureApiToken } from "../lib/lakehouse/api-token";
import { sqlInstant } from "../lib/trino/bind";
import { pgRows } from "../tools/testing/pg-fixtures";
import { insertRows, q, trinoMinuteNow } from "../tools/testing/trino-fixtures";
import { e2eWatermark, testTrino } from "./e2e-settings";
import { VIDEOS } from "./fixtures";
import { shot } from "./screenshots";

const MIN = 60_000;
const TOKEN = ensureApiToken(testTrino);
const auth = { Authorization: `Bearer ${TOKEN}`, "Content-Type": "application/json" };

interface Received {
  readonly path: string;
  readonly at: number;
  readonly body: { text: string; attachments: { color: string; fields: { title: string; value: string }[] }[]; pulse: Record<string, unknown> };
}

/** The receiver: /hook answers 200; /flaky 500 to each event's first attempt, then 200; /down 503 while `down`. */
class Receiver {
  readonly received: Received[] = [];
  down = true;
  private readonly seen = new Set<string>();
  private server = http.createServer((req, res) => {
    let data = "";
    req.on("data", (c) => {
      data += c;
    });
    req.on("end", () => {
      const body = JSON.parse(data) as Received["body"];
      const path = req.url ?? "";
      this.received.push({ path, at: Date.now(), body });
      const id = `${path}:${body.pulse.eventId}`;
      const fail = (path === "/flaky" && !this.seen.has(id)) || (path === "/down" && this.down);
      this.seen.add(id);
      res.writeHead(fail ? (path === "/down" ? 503 : 500) : 200).end(fail ? "nope" : "ok");
    });
  });

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  at(path: string) {
    return this.received.filter((r) => r.path === path);
  }
}

const receiver = new Receiver();
let base = "";

test.beforeAll(async () => {
  base = await receiver.start();
  await pgRows("DELETE FROM pulse_ops.alert_events");
  await pgRows("DELETE FROM pulse_ops.alert_rules");
});

test.afterAll(async () => {
  await receiver.stop();
  await pgRows("UPDATE pulse_ops.alert_rules SET deleted_at = now() WHERE deleted_at IS NULL");
  await q("admin", "DELETE FROM lakehouse.gold.rt_video_stats_1min WHERE batch_id > 100");
  await q("admin", "DELETE FROM lakehouse.meta.job_checkpoints WHERE job = 'rt_video_stats_1min' AND batch_id > 100");
});

/** Commit k (1..4): batch 100 + k closes minute T + k - 1, whose plays (beyond the fixture's) are `plays`. */
async function commit(k: number, plays: number): Promise<number> {
  const T = e2eWatermark();
  const minute = T + (k - 1) * MIN;
  const batch = 100 + k;
  await insertRows(
    "lakehouse.gold.rt_video_stats_1min",
    ["video_id", "window_start", "upload_ts", "impressions", "likes", "shares", "play_start", "play_finish", "batch_id"],
    [[VIDEOS.a, sqlInstant(new Date(minute)), sqlInstant(new Date(T - 86_400_000)), plays + 1, 0, 0, plays, 0, batch]],
  );
  await insertRows(
    "lakehouse.meta.job_checkpoints",
    ["job", "batch_id", "state", "complete_through", "rows_written", "recorded_at", "detail"],
    [["rt_video_stats_1min", batch, "committed", sqlInstant(new Date(minute + MIN)), 1, sqlInstant(new Date()), "e2e alerts commit"]],
  );
  return Date.now();
}

async function createRule(request: import("@playwright/test").APIRequestContext, body: Record<string, unknown>): Promise<number> {
  const res = await request.post("/api/alerts/rules", { headers: auth, data: Buffer.from(JSON.stringify({ author: "e2e", ...body })) });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()).data.id;
}

type EventRow = {
  rule_id: string;
  kind: string;
  minute: Date;
  value: number;
  z: number | null;
  batch_id: string;
  delivery: string;
  attempts: number;
  last_error: string | null;
};
const events = () =>
  pgRows<EventRow>(
    "SELECT rule_id, kind, minute, value, z, batch_id, delivery, attempts, last_error FROM pulse_ops.alert_events ORDER BY minute, rule_id, kind",
  );

test("rules fire and resolve at the right commits, reach the webhook, retry, dead-letter and redeliver", async ({ page, request }, info) => {
  test.setTimeout(240_000);
  const T = e2eWatermark();
  // Commit k closes minute T + k - 1: it must be over on Trino's clock, or the watermark view holds it back.
  while ((await trinoMinuteNow()) < T + 4 * MIN) await new Promise((r) => setTimeout(r, 5_000));

  const surge = await createRule(request, {
    name: "Plays surge",
    scope: "platform",
    metric: "plays",
    condition: "threshold",
    op: "above",
    threshold: 500,
    recover: 200,
    forMinutes: 2,
    webhookUrl: `${base}/hook`,
  });
  const spike = await createRule(request, {
    name: "Plays spike",
    scope: "platform",
    metric: "plays",
    condition: "anomaly",
    op: "above",
    baseline: "rolling",
    baselineMinutes: 10,
    z: 3,
    recoverZ: 1,
    forMinutes: 1,
    webhookUrl: `${base}/hook`,
  });
  // Two more that fire at T (1,000 > 900) and resolve at T+1 (600 <= 900), each to a misbehaving receiver.
  const over900 = { scope: "platform", metric: "plays", condition: "threshold", op: "above", threshold: 900, recover: 900 };
  const flaky = await createRule(request, { ...over900, name: "Flaky receiver", webhookUrl: `${base}/flaky` });
  // A video rule, in-app only: a's velocity over N = 15 minutes. At T (commit 1) the window T-14 .. T holds
  // 14 x 3 plays, the late play at T-5 and the open minute's 1,000: 1,043 / 15 = 69.5 > 50.
  const video = await createRule(request, {
    name: "a takes off",
    scope: "video",
    videoId: VIDEOS.a,
    metric: "velocity",
    condition: "threshold",
    op: "above",
    threshold: 50,
  });
  const down = await createRule(request, { ...over900, name: "Receiver down", webhookUrl: `${base}/down` });
  // The read API shows a webhook by its host only: the URL is a credential.
  const listed = (await (await request.get("/api/alerts/rules")).json()).data as { id: number; webhookUrl: string }[];
  expect(listed.find((r) => r.id === surge)!.webhookUrl).toBe(`${base}/…`);

  const plays = [0, 600, 300, 100];
  const delays: number[] = [];
  const expectAtHook = [`spike:firing`, `surge:firing`, `spike:resolved`, `surge:resolved`];
  for (let k = 1; k <= 4; k++) {
    const before = receiver.at("/hook").length;
    const committed = await commit(k, plays[k - 1]!);
    await expect.poll(() => receiver.at("/hook").length, { timeout: 30_000 }).toBe(before + 1);
    const got = receiver.at("/hook").at(-1)!;
    delays.push(got.at - committed);
    const who = got.body.pulse.ruleId === surge ? "surge" : "spike";
    expect(`${who}:${got.body.pulse.kind}`).toBe(expectAtHook[k - 1]);
    expect(got.body.pulse.minute).toBe(new Date(T + (k - 1) * MIN).toISOString());
    if (k === 2) await whileFiring(page, info, T);
  }

  const hook = receiver.at("/hook").map((r) => r.body);
  // commit 1: the spike at T, z = (1000 - 5.1) / sqrt(8.89)
  expect(hook[0]!.pulse).toMatchObject({ ruleId: spike, kind: "firing", value: 1000, baseline: 5.1 });
  expect(hook[0]!.pulse.z as number).toBeCloseTo(994.9 / Math.sqrt(8.89), 6);
  expect(hook[0]!.text.startsWith(`🔴 FIRING: Plays spike (platform): plays per minute 1,000 (baseline 5.1, z = 333.7) at ${utc(T)}`)).toBe(true);
  expect(hook[0]!.attachments[0]!.color).toBe("danger");
  // commit 2: the surge at T+1 (600 after 1,000)
  expect(hook[1]!.pulse).toMatchObject({ ruleId: surge, kind: "firing", value: 600, z: null });
  // commit 3: the spike resolves at T+2, z = 135.7 / sqrt(109037.21)
  expect(hook[2]!.pulse).toMatchObject({ ruleId: spike, kind: "resolved", value: 300 });
  expect(hook[2]!.pulse.baseline as number).toBeCloseTo(164.3, 9);
  expect(hook[2]!.pulse.z as number).toBeCloseTo(135.7 / Math.sqrt(109037.21), 6);
  expect(hook[2]!.attachments[0]!.color).toBe("good");
  // commit 4: the surge resolves at T+3 (100 <= 200); 300 at T+2 held it (hysteresis)
  expect(hook[3]!.pulse).toMatchObject({ ruleId: surge, kind: "resolved", value: 100 });

  // The stored history: the same events, each with the batch whose commit closed its minute.
  const of = async (rule: number) =>
    (await events()).filter((r) => Number(r.rule_id) === rule).map((r) => `${r.kind}@${(r.minute.getTime() - T) / MIN}#${r.batch_id}:${r.delivery}`);
  expect(await of(surge)).toEqual(["firing@1#102:delivered", "resolved@3#104:delivered"]);
  expect(await of(spike)).toEqual(["firing@0#101:delivered", "resolved@2#103:delivered"]);
  const [videoEvent] = (await events()).filter((r) => Number(r.rule_id) === video);
  expect(`${videoEvent!.kind}@${(videoEvent!.minute.getTime() - T) / MIN}#${videoEvent!.batch_id}:${videoEvent!.delivery}`).toBe("firing@0#101:none");
  expect(videoEvent!.value).toBeCloseTo(1043 / 15, 9);
  // "Flaky": fires at T (1,000 > 900), resolves at T+1 (600 <= 900); each event's first attempt got a 500.
  await expect.poll(() => of(flaky), { timeout: 15_000 }).toEqual(["firing@0#101:delivered", "resolved@1#102:delivered"]);
  expect((await events()).filter((r) => Number(r.rule_id) === flaky).map((r) => r.attempts)).toEqual([2, 2]);
  expect(receiver.at("/flaky").map((r) => r.body.pulse.kind)).toEqual(["firing", "firing", "resolved", "resolved"]);
  // "Down": 3 attempts (PULSE_ALERT_MAX_ATTEMPTS in the e2e server), then the dead-letter record.
  await expect.poll(() => of(down), { timeout: 15_000 }).toEqual(["firing@0#101:dead", "resolved@1#102:dead"]);
  const dead = (await events()).find((r) => Number(r.rule_id) === down && r.kind === "firing")!;
  expect(dead.attempts).toBe(3);
  expect(dead.last_error).toBe("gave up after 3 attempts; the last: the receiver answered HTTP 503");

  // The history API shows the dead letter; redelivering it after the receiver is back delivers it.
  const history = (await (await request.get(`/api/alerts/events?ruleId=${down}`)).json()).data as { id: number; kind: string; delivery: string }[];
  const deadEvent = history.find((e) => e.kind === "firing")!;
  expect(deadEvent.delivery).toBe("dead");
  receiver.down = false;
  expect((await request.post(`/api/alerts/events/${deadEvent.id}/redeliver`, { headers: auth })).status()).toBe(200);
  await expect.poll(async () => (await of(down))[0], { timeout: 15_000 }).toBe("firing@0#101:delivered");
  expect((await request.post(`/api/alerts/events/${deadEvent.id}/redeliver`, { headers: auth })).status()).toBe(404);

  // Rules now: surge, spike, flaky and down ok; a's velocity still fires (it never fell below 50).
  await expect.poll(async () => (await (await request.get("/api/alerts/summary")).json()).data, { timeout: 10_000 }).toEqual({ firing: 1, rules: 5 });

  const sorted = [...delays].sort((a, b) => a - b);
  const p = (x: number) => sorted[Math.min(sorted.length - 1, Math.ceil(x * sorted.length) - 1)]!;
  console.log(
    `[alerts] commit to webhook over ${delays.length} commits: ${delays.join(", ")} ms; p50 ${p(0.5)} ms, p95 ${p(0.95)} ms, max ${sorted.at(-1)} ms`,
  );
});

/**
 * After commit 2 "spike" (since T), "surge" (since T+1) and a's velocity rule (since T) fire: the nav's
 * badge says 3, the alerts page lists them as firing with their numbers, and the Pulse chart shades
 * every platform rule's firing period.
 */
async function whileFiring(page: import("@playwright/test").Page, info: import("@playwright/test").TestInfo, T: number): Promise<void> {
  await page.goto("/alerts");
  // The summary is shared for 5 s and the badge polls every 15 s: reload until the badge has caught up.
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("alerts-badge")).toHaveText("3", { timeout: 3_000 });
  }).toPass({ timeout: 30_000 });
  const firing = page.locator('[data-testid^="alert-rule-"][data-status="firing"]');
  await expect(firing).toHaveCount(3);
  await expect(firing.filter({ hasText: "Plays surge" })).toContainText(`since ${utc(T + MIN).replace(" UTC", "")} UTC`);
  await expect(firing.filter({ hasText: "Plays spike" })).toContainText("104.7 · z 1.66");
  await expect(page.locator('[data-testid="alert-event"][data-kind="firing"][data-delivery="delivered"]')).toHaveCount(2 + 1); // spike, surge, flaky
  await expect(page.locator('[data-testid="alert-event"][data-kind="firing"][data-delivery="dead"]')).toHaveCount(1);
  await shot(page, info, "alerts-page");
  await page.goto("/?range=1h");
  // spike (T, firing), surge (T+1, firing), and flaky and down (each fired at T, resolved at T+1).
  await expect(page.getByTestId("platform-chart")).toHaveAttribute("data-alerts", "4", { timeout: 20_000 });
  await shot(page, info, "alerts-pulse-chart");
}

function utc(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

test("hostile input to the alerts API gets a 4xx and stores nothing", async ({ request }) => {
  const count = async () => Number((await pgRows<{ n: string }>("SELECT count(*) AS n FROM pulse_ops.alert_rules"))[0]!.n);
  const before = await count();
  const valid = { name: "x", author: "e2e", scope: "platform", metric: "plays", condition: "threshold", op: "above", threshold: 1 };
  const post = (data: string | Buffer, headers: Record<string, string> = auth) => request.post("/api/alerts/rules", { headers, data: Buffer.from(data) });
  const cases: [string, Promise<import("@playwright/test").APIResponse>, number, string][] = [
    ["no token", post(JSON.stringify(valid), { "Content-Type": "application/json" }), 401, "this request needs the API token"],
    ["wrong token", post(JSON.stringify(valid), { ...auth, Authorization: "Bearer nope" }), 401, "the API token is not valid"],
    ["not JSON", post("name=x", { ...auth, "Content-Type": "text/plain" }), 415, "the body must be JSON"],
    ["malformed", post("{", auth), 400, "the body is not valid JSON"],
    ["oversized", post(JSON.stringify({ ...valid, name: "x".repeat(20_000) })), 413, "the body is larger than 16384 bytes"],
    ["injection-shaped metric", post(JSON.stringify({ ...valid, metric: "plays'; DROP TABLE pulse_ops.alert_rules; --" })), 400, "invalid metric"],
    ["injection-shaped video", post(JSON.stringify({ ...valid, scope: "video", metric: "velocity", videoId: "v' OR '1'='1" })), 400, "invalid videoId"],
    ["unknown field", post(JSON.stringify({ ...valid, status: "firing" })), 400, "unknown field(s): status"],
    ["not a webhook", post(JSON.stringify({ ...valid, webhookUrl: "file:///etc/passwd" })), 400, "webhookUrl must be an http or https URL"],
  ];
  for (const [what, res, status, message] of cases) {
    const r = await res;
    expect(r.status(), what).toBe(status);
    expect((await r.json()).error, what).toContain(message);
  }
  expect((await request.delete("/api/alerts/rules/999999", { headers: auth })).status()).toBe(404);
  expect((await request.delete("/api/alerts/rules/1;DROP", { headers: auth })).status()).toBe(400);
  expect((await request.delete("/api/alerts/rules/1")).status()).toBe(401);
  expect((await request.post("/api/alerts/events/999999/redeliver", { headers: auth })).status()).toBe(404);
  expect((await request.get("/api/alerts/events?ruleId=-1")).status()).toBe(400);
  expect((await request.get("/api/alerts/spans?from=yesterday&to=now")).status()).toBe(400);
  expect(await count()).toBe(before);
});

test("a rule made in the page's form: the server names a bad field, a good rule is listed", async ({ page }, info) => {
  await page.goto("/alerts");
  const form = page.getByTestId("rule-form");
  await expect(form.getByRole("button", { name: "Add rule" })).toBeDisabled();
  await page.getByTestId("api-token").fill(TOKEN);
  await form.getByLabel("Name").fill("a's velocity spike");
  await form.getByLabel("Author").fill("pm");
  await form.getByLabel("Watches").selectOption("video");
  await form.getByLabel("Video id").fill(VIDEOS.a);
  await form.getByLabel("Metric").selectOption("velocity");
  await form.getByLabel("Condition").selectOption("anomaly");
  await form.getByLabel("Direction").selectOption("either");
  await form.locator("select[name=baseline]").selectOption("week");
  await form.getByLabel("Fires at z").fill("2");
  await form.getByLabel("Resolves below z").fill("2.5");
  await form.getByRole("button", { name: "Add rule" }).click();
  await expect(form.getByRole("alert")).toHaveText("invalid recoverZ: recoverZ must not exceed z (it is where a firing rule resolves)");
  await form.getByLabel("Resolves below z").fill("1");
  await form.getByRole("button", { name: "Add rule" }).click();
  await expect(form.getByRole("status")).toContainText(`Saved "a's velocity spike"`);
  const row = page.locator('[data-testid^="alert-rule-"]', { hasText: "a's velocity spike" });
  await expect(row).toContainText("velocity (plays/min): |z| ≥ 2 against the same minutes one week earlier (60 min) for 1 min (resolves below 1)");
  await expect(row).toHaveAttribute("data-status", "ok");
  await shot(page, info, "alerts-rule-form");
});
