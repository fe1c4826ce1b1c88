/**
 * The browser never receives a credential. The dashboard server logs in to the test Trino as
 * pulse_dashboard with its generated password (from its environment, e2e/playwright.config.ts);
 * here every byte a browser gets (each page's HTML, script, style, image, API answer and header)
 * and every API route's answer, errors included, is searched for any generated secret: the three
 * passwords, the Authorization header value each would make, Trino's keystore password and shared
 * secret, and the write API's token. (The header's name alone may appear: the alerts and annotations
 * forms send `Authorization: Bearer` with a token the person types, components/alerts/write-token.ts;
 * the server's own token never reaches a page.)
 */
import { expect, type Response, test } from "@playwright/test";
import { ensureApiToken } from "../lib/lakehouse/api-token";
import { readInstanceSecrets } from "../lib/lakehouse/secrets";
import { testTrino } from "./e2e-settings";
import { DAYS, VIDEOS } from "./fixtures";

const RANGE = `from=${DAYS.d1}&to=${DAYS.d2}`;
const PAGES = ["/?range=1h", `/videos/${VIDEOS.a}?range=1h`, `/daily?${RANGE}`, "/alerts", "/annotations", "/videos/v_nobody_knows", "/no-such-page"];
const API = [
  "/api/health",
  "/api/categories",
  "/api/pulse/kpis?range=1h",
  "/api/pulse/series?range=1h",
  "/api/pulse/trending?limit=25",
  "/api/pulse/retention",
  `/api/videos/${VIDEOS.a}`,
  `/api/videos/${VIDEOS.a}/series?range=1h`,
  `/api/videos/${VIDEOS.a}/daily`,
  "/api/videos/v_does_not_exist",
  `/api/daily/videos?${RANGE}`,
  `/api/daily/categories?${RANGE}`,
  `/api/daily/coverage?${RANGE}`,
  `/api/daily/retention?${RANGE}`,
  `/api/daily/retention-distribution?${RANGE}`,
  "/api/pulse/series?range=7d",
  "/api/videos/%ZZ",
  "/api/alerts/rules",
  "/api/alerts/events",
  "/api/alerts/summary",
  "/api/search/videos?q=v_e2e",
  "/api/pulse/series/baseline?range=1h&compare=week",
];

/** Every secret of the test instance, with a name to report (never the value). */
function secrets(): Map<string, string> {
  const s = readInstanceSecrets(testTrino);
  const out = new Map<string, string>();
  for (const [user, password] of Object.entries(s.users)) {
    out.set(`${user}'s password`, password);
    out.set(`${user}'s Authorization header value`, Buffer.from(`${user}:${password}`).toString("base64"));
  }
  out.set("Trino's keystore password", s.trino.keystorePassword);
  out.set("Trino's internal shared secret", s.trino.sharedSecret);
  out.set("the write API's token", ensureApiToken(testTrino));
  return out;
}

/** What a response carried: its headers and its body as bytes (images included), searched as text. */
async function carried(res: Response): Promise<string> {
  const headers = await res.allHeaders();
  // A live stream (Server-Sent Events) never ends, so its body never resolves: its headers are
  // checked here, and its events are the same envelopes as the API answers checked below.
  if ((headers["content-type"] ?? "").includes("text/event-stream")) return JSON.stringify(headers);
  const body = await res.body().catch(() => Buffer.alloc(0));
  return `${JSON.stringify(headers)}\n${body.toString("latin1")}`;
}

test("no page, asset, API answer or header carries a password, an Authorization value, the API token or Trino's secrets", async ({ page, request }) => {
  const forbidden = secrets();
  const seen: { url: string; text: Promise<string> }[] = [];
  page.on("response", (res) => seen.push({ url: res.url(), text: carried(res) }));

  for (const path of PAGES) {
    await page.goto(path);
    await page.waitForLoadState("networkidle");
    const html = await page.content();
    seen.push({ url: `${path} (rendered HTML)`, text: Promise.resolve(html) });
  }
  // The pages really were served from Trino through the dashboard's login: the fixture's numbers.
  await page.goto("/?range=1h");
  await expect(page.getByTestId("kpi-plays").getByTestId("kpi-value")).toHaveText("86");

  for (const path of API) {
    const res = await request.get(path);
    seen.push({ url: `${path} (${res.status()})`, text: Promise.resolve(`${JSON.stringify(res.headers())}\n${await res.text()}`) });
  }

  expect(seen.length).toBeGreaterThan(PAGES.length + API.length);
  const leaks: string[] = [];
  for (const { url, text } of seen) {
    const t = await text;
    for (const [name, value] of forbidden) if (t.toLowerCase().includes(value.toLowerCase())) leaks.push(`${url} carries ${name}`);
  }
  expect(leaks).toEqual([]);
});
