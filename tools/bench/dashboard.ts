/**
 * Dashboard benchmark against the running demo lakehouse (start it with `npm start` first):
 *   npm run bench:dashboard
 *   npx tsx scripts/bench-dashboard.ts [--port 3300] [--viewers 50] [--seconds 60] [--interval 5] [--runs 7]
 *                                      [--trino http://127.0.0.1:18080] [--chromium /usr/bin/chromium] [--no-build] [--seed 1]
 *
 * Builds the production dashboard when its sources changed (into .next, or PULSE_NEXT_DIST_DIR like
 * `npm start`; --no-build uses the build as it is), runs its own `next start` on a free port (3300
 * unless --port; never the :3000 one), and
 * measures, printing each section as it completes:
 *   1. JavaScript per page (/, /videos/<top trending id>, /daily): every same-origin script response
 *      loaded until network idle in a fresh Chromium context, raw bytes and gzip -9 of each body.
 *   2. Time to first chart on /: the `pulse:first-chart` mark's startTime (ms after navigation start)
 *      in `--runs` fresh contexts after two warm-up loads.
 *   3. API latency with `--viewers` simulated viewers polling the Pulse page's three routes every
 *      `--interval` s for `--seconds` s, first jittered over the first interval.
 *   4. Trino queries per minute (from /api/health `queriesSent`) with 1 viewer vs `--viewers` viewers.
 * The load generator runs on the same machine as Trino and the server: its event-loop delay is
 * reported so its own share of the latencies can be judged.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { parseArgs } from "node:util";
import zlib from "node:zlib";
import { chromium, type Browser, type BrowserContext } from "@playwright/test";
import { buildDashboard, buildIsStale, distDir, startDashboard, type DashboardHandle } from "../dashboard/next-process";

// ---------------------------------------------------------------------------------------------
// options

const USAGE = `usage: npx tsx scripts/bench-dashboard.ts [--port N] [--viewers N] [--seconds N] [--interval S] [--runs N]
                                         [--trino URL] [--chromium PATH] [--no-build] [--seed N]`;

const { values: opt } = parseArgs({
  options: {
    port: { type: "string" },
    viewers: { type: "string", default: "50" },
    seconds: { type: "string", default: "60" },
    interval: { type: "string", default: "5" },
    runs: { type: "string", default: "7" },
    trino: { type: "string", default: "http://127.0.0.1:18080" },
    chromium: { type: "string", default: "/usr/bin/chromium" },
    "no-build": { type: "boolean", default: false },
    seed: { type: "string", default: "1" },
    help: { type: "boolean", short: "h", default: false },
  },
  strict: true,
  allowPositionals: false,
});

if (opt.help) {
  console.log(USAGE);
  process.exit(0);
}

function intOption(name: string, raw: string, min: number, max: number): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    console.error(`--${name} must be an integer from ${min} to ${max} (got ${raw})\n${USAGE}`);
    process.exit(2);
  }
  return n;
}

const VIEWERS = intOption("viewers", opt.viewers, 1, 1000);
const SECONDS = intOption("seconds", opt.seconds, 5, 3600);
const INTERVAL_S = intOption("interval", opt.interval, 1, 300);
const RUNS = intOption("runs", opt.runs, 1, 100);
const SEED = intOption("seed", opt.seed, 0, 2 ** 31 - 1);
const EXPLICIT_PORT = opt.port === undefined ? undefined : intOption("port", opt.port, 1024, 65535);
const TRINO_URL = opt.trino.replace(/\/+$/, "");
const CHROMIUM = opt.chromium;
const INTERVAL_MS = INTERVAL_S * 1000;

/** The Pulse page's three polled routes with the page's defaults (range 24h, limit 25). */
const ROUTES = [
  { name: "series", path: "/api/pulse/series?range=24h" },
  { name: "kpis", path: "/api/pulse/kpis?range=24h" },
  { name: "trending", path: "/api/pulse/trending?limit=25" },
] as const;
type RouteName = (typeof ROUTES)[number]["name"];

const VIEWPORT = { width: 1280, height: 900 };
const REQUEST_TIMEOUT_MS = 30_000;
const FIRST_CHART_EXISTS = "performance.getEntriesByName('pulse:first-chart').length > 0";
const FIRST_CHART_START = "performance.getEntriesByName('pulse:first-chart')[0].startTime";
// Strings, not functions: tsx's keepNames would wrap arrow functions in a helper the page lacks.
const NAV_TIMING =
  "(() => { const n = performance.getEntriesByType('navigation')[0]; return n ? { ttfb: n.responseStart, dcl: n.domContentLoadedEventEnd } : null })()";

// ---------------------------------------------------------------------------------------------
// small helpers

const out = (line = "") => console.log(line);
const progress = (msg: string) => process.stderr.write(`  · ${new Date().toISOString().slice(11, 19)} ${msg}\n`);
const serverNotes: string[] = [];
const serverLog = (line: string) => {
  if (/^dashboard:/.test(line)) serverNotes.push(line);
  progress(line);
};

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, Math.max(0, ms)));
const int = (n: number) => Math.round(n).toLocaleString("en-US");
const ms1 = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : "n/a");
const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;

function sorted(xs: readonly number[]): number[] {
  return [...xs].sort((a, b) => a - b);
}

function median(xs: readonly number[]): number {
  const s = sorted(xs);
  const n = s.length;
  if (n === 0) return NaN;
  return n % 2 === 1 ? s[(n - 1) / 2]! : (s[n / 2 - 1]! + s[n / 2]!) / 2;
}

/** Nearest-rank percentile of ascending `s`. */
function percentile(s: readonly number[], p: number): number {
  if (s.length === 0) return NaN;
  const rank = Math.min(s.length, Math.max(1, Math.ceil((p / 100) * s.length)));
  return s[rank - 1]!;
}

function table(headers: readonly string[], rows: readonly (readonly string[])[], right: readonly boolean[]): string[] {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const fmt = (cells: readonly string[]) =>
    cells
      .map((c, i) => (right[i] ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join("  ")
      .trimEnd();
  return [fmt(headers), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(fmt)];
}

/** mulberry32: a seeded PRNG so the viewers' start jitter is the same on every run. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once("error", () => resolve(false));
    srv.listen(port, "127.0.0.1", () => srv.close(() => resolve(true)));
  });
}

async function pickPort(): Promise<number> {
  if (EXPLICIT_PORT !== undefined) {
    if (!(await portIsFree(EXPLICIT_PORT))) throw new Error(`port ${EXPLICIT_PORT} is in use; pass another --port`);
    return EXPLICIT_PORT;
  }
  for (let p = 3300; p < 3320; p++) if (await portIsFree(p)) return p;
  throw new Error("ports 3300-3319 are all in use; pass --port");
}

function git(args: string[]): string | null {
  try {
    return execFileSync("git", args, { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    return null;
  }
}

async function getJson<T>(url: string, timeoutMs = REQUEST_TIMEOUT_MS): Promise<{ status: number; body: T }> {
  const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), headers: { Accept: "application/json" } });
  return { status: res.status, body: (await res.json()) as T };
}

interface HealthBody {
  readonly queriesSent: number;
  readonly trino: { readonly reachable: boolean; readonly latencyMs: number | null };
}

async function queriesSent(base: string): Promise<number> {
  const { status, body } = await getJson<HealthBody>(`${base}/api/health`);
  if (typeof body.queriesSent !== "number") throw new Error(`/api/health answered ${status} without queriesSent`);
  return body.queriesSent;
}

// ---------------------------------------------------------------------------------------------
// 1. JavaScript per page

interface ScriptSize {
  readonly url: string;
  readonly raw: number;
  readonly gzip: number;
  /** Encoded body bytes on the wire (the server's own compression), when Chromium reports it. */
  readonly wire: number | null;
  /** Referenced by the HTML document itself, as opposed to loaded later (dynamic import, link prefetch). */
  readonly inHtml: boolean;
}

interface PageJs {
  readonly path: string;
  readonly status: number;
  readonly scripts: readonly ScriptSize[];
  readonly note?: string | undefined;
}

async function newContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ viewport: VIEWPORT });
}

async function measurePageJs(browser: Browser, base: string, pagePath: string): Promise<PageJs> {
  const origin = new URL(base).origin;
  const ctx = await newContext(browser);
  try {
    const page = await ctx.newPage();
    const pending: Promise<void>[] = [];
    const bodies = new Map<string, { raw: number; gzip: number; wire: number | null }>();
    page.on("response", (res) => {
      const req = res.request();
      if (req.resourceType() !== "script" || new URL(res.url()).origin !== origin || bodies.has(res.url())) return;
      pending.push(
        (async () => {
          const body = await res.body();
          await res.finished();
          let wire: number | null = null;
          try {
            wire = (await req.sizes()).responseBodySize;
          } catch {
            wire = null;
          }
          bodies.set(res.url(), { raw: body.length, gzip: zlib.gzipSync(body, { level: 9 }).length, wire });
        })(),
      );
    });
    const resp = await page.goto(`${base}${pagePath}`, { waitUntil: "networkidle", timeout: 90_000 });
    if (!resp) throw new Error(`no response for ${pagePath}`);
    const html = await resp.text();
    let note: string | undefined;
    if (pagePath === "/") {
      // The chart library is loaded with the chart: wait for it so its chunks are counted.
      try {
        await page.waitForFunction(FIRST_CHART_EXISTS, undefined, { timeout: 60_000 });
      } catch {
        note = "the chart did not render within 60 s: its scripts may be missing from the sum";
      }
    }
    await page.waitForLoadState("networkidle");
    await sleep(1_000); // anything scheduled after idle (idle-time prefetch) gets a chance to start
    await page.waitForLoadState("networkidle");
    await Promise.all(pending);
    const scripts = [...bodies.entries()]
      .map(([url, b]) => {
        const u = new URL(url);
        return { url: u.pathname + u.search, ...b, inHtml: html.includes(u.pathname) };
      })
      .sort((a, b) => b.gzip - a.gzip);
    return { path: pagePath, status: resp.status(), scripts, note };
  } finally {
    await ctx.close();
  }
}

function reportJs(pages: readonly PageJs[]): void {
  out("## 1. JavaScript shipped per page (same-origin scripts until network idle, fresh context)");
  out();
  const sum = (xs: readonly ScriptSize[], f: (s: ScriptSize) => number) => xs.reduce((a, s) => a + f(s), 0);
  const rows = pages.map((p) => {
    const html = p.scripts.filter((s) => s.inHtml);
    const wireKnown = p.scripts.every((s) => s.wire !== null);
    return [
      p.path,
      String(p.status),
      String(p.scripts.length),
      int(sum(p.scripts, (s) => s.raw)),
      int(sum(p.scripts, (s) => s.gzip)),
      kib(sum(p.scripts, (s) => s.gzip)),
      wireKnown ? int(sum(p.scripts, (s) => s.wire ?? 0)) : "n/a",
      `${html.length} / ${int(sum(html, (s) => s.gzip))}`,
    ];
  });
  for (const l of table(
    ["page", "HTTP", "scripts", "raw bytes", "gzip-9 bytes", "gzip-9", "wire bytes", "in HTML: n / gzip-9"],
    rows,
    [false, true, true, true, true, true, true, true],
  ))
    out(`  ${l}`);
  out();
  out("  wire = encoded body bytes Chromium received (the server's own compression); 'in HTML' = chunks the");
  out("  document references, the rest were loaded afterwards (dynamic imports, link prefetches).");
  out();
  for (const p of pages) if (p.note) out(`  WARNING ${p.path}: ${p.note}`);
  for (const p of pages) {
    out(`  ${p.path}: per script (gzip-9 / raw bytes, * = not referenced by the HTML)`);
    for (const s of p.scripts) out(`    ${int(s.gzip).padStart(9)} / ${int(s.raw).padStart(9)}  ${s.inHtml ? " " : "*"} ${s.url}`);
  }
  out();
}

// ---------------------------------------------------------------------------------------------
// 2. time to first chart

interface ChartRun {
  /** NaN when the run failed (see `error`). */
  readonly firstChartMs: number;
  readonly error?: string;
  readonly ttfbMs: number | null;
  readonly dclMs: number | null;
}

async function loadPulse(browser: Browser, base: string, pagePath = "/"): Promise<ChartRun> {
  const ctx = await newContext(browser);
  const failures: string[] = [];
  try {
    const page = await ctx.newPage();
    page.on("response", (r) => {
      if (r.status() >= 400) failures.push(`${r.status()} ${new URL(r.url()).pathname}`);
    });
    const resp = await page.goto(`${base}${pagePath}`, { waitUntil: "commit", timeout: 90_000 });
    if (!resp || resp.status() !== 200) throw new Error(`${pagePath} answered ${resp?.status() ?? "nothing"}`);
    await page.waitForFunction(FIRST_CHART_EXISTS, undefined, { timeout: 60_000 });
    await page.locator("[data-testid=platform-chart] canvas").first().waitFor({ state: "attached", timeout: 10_000 });
    const firstChartMs = (await page.evaluate(FIRST_CHART_START)) as number;
    const nav = (await page.evaluate(NAV_TIMING)) as { ttfb: number; dcl: number } | null;
    return { firstChartMs, ttfbMs: nav ? nav.ttfb : null, dclMs: nav && nav.dcl > 0 ? nav.dcl : null };
  } catch (err) {
    const msg = err instanceof Error ? err.message.split("\n")[0]! : String(err);
    return { firstChartMs: NaN, ttfbMs: null, dclMs: null, error: `${msg}${failures.length ? `; failed responses: ${failures.join(", ")}` : ""}` };
  } finally {
    await ctx.close();
  }
}

/** Which API URLs the Pulse page itself polls (to check the simulated viewers ask for the same data). */
async function observePolling(browser: Browser, base: string): Promise<string[]> {
  const ctx = await newContext(browser);
  try {
    const page = await ctx.newPage();
    const seen = new Set<string>();
    page.on("request", (req) => {
      const u = new URL(req.url());
      if (u.pathname.startsWith("/api/")) seen.add(u.pathname + u.search);
    });
    await page.goto(`${base}/?refresh=5`, { waitUntil: "commit", timeout: 90_000 });
    await page.waitForFunction(FIRST_CHART_EXISTS, undefined, { timeout: 60_000 }).catch(() => undefined);
    await sleep(6_500);
    return [...seen].sort();
  } finally {
    await ctx.close();
  }
}

/** For each route the page polled under another URL than the viewers use: does the server bind the same SQL (same cache entry)? */
async function compareUrls(base: string, polled: readonly string[]): Promise<string[]> {
  const lines: string[] = [];
  for (const r of ROUTES) {
    const pathname = r.path.split("?")[0]!;
    const pageUrl = polled.find((u) => u.split("?")[0] === pathname);
    if (pageUrl === undefined || pageUrl === r.path) continue;
    const sql = async (u: string) => (await getJson<{ meta?: { sql?: string } }>(`${base}${u}`, 60_000)).body.meta?.sql ?? null;
    const [a, b] = [await sql(pageUrl), await sql(r.path)];
    lines.push(`  page ${pageUrl} vs viewers ${r.path}: ${a !== null && a === b ? "same bound SQL (one cache entry)" : "DIFFERENT SQL: the viewers do not share the page's cache entry"}`);
  }
  return lines;
}

function reportChart(warm: readonly ChartRun[], runs: readonly ChartRun[], polled: readonly string[], sameSql: readonly string[]): void {
  out(`## 2. Time to first chart on / (warm server: ${warm.length} warm-up loads, then ${runs.length} fresh contexts)`);
  out();
  out("  first chart = performance mark 'pulse:first-chart' startTime, ms after navigation start");
  const rows = runs.map((r, i) => [String(i + 1), r.error ? "FAILED" : ms1(r.firstChartMs), r.ttfbMs === null ? "n/a" : ms1(r.ttfbMs), r.dclMs === null ? "n/a" : ms1(r.dclMs)]);
  for (const l of table(["run", "first chart ms", "TTFB ms", "DOMContentLoaded ms"], rows, [true, true, true, true])) out(`  ${l}`);
  const fc = runs.filter((r) => !r.error).map((r) => r.firstChartMs);
  out();
  out(
    fc.length
      ? `  first chart: median ${ms1(median(fc))} ms, min ${ms1(Math.min(...fc))} ms, max ${ms1(Math.max(...fc))} ms (${fc.length} of ${runs.length} runs)`
      : "  first chart: no run succeeded",
  );
  runs.forEach((r, i) => r.error && out(`  run ${i + 1} FAILED: ${r.error}`));
  const ttfb = runs.flatMap((r) => (r.ttfbMs === null ? [] : [r.ttfbMs]));
  if (ttfb.length) out(`  TTFB: median ${ms1(median(ttfb))} ms (server render incl. prefetching the panels' data)`);
  out(`  warm-up loads (not counted): ${warm.map((w) => (w.error ? `FAILED (${w.error})` : `${ms1(w.firstChartMs)} ms`)).join(", ")}`);
  out(`  API URLs the page polled within 6.5 s at /?refresh=5: ${polled.length ? polled.join("  ") : "(none seen)"}`);
  for (const l of sameSql) out(l);
  out();
}

// ---------------------------------------------------------------------------------------------
// 3 + 4. simulated viewers

interface Sample {
  readonly route: RouteName;
  readonly ms: number;
  readonly status: number; // 0 = network error / timeout
  readonly stale: boolean;
  readonly fetchedAt: number | null;
  readonly error?: string;
}

interface Phase {
  readonly viewers: number;
  readonly samples: readonly Sample[];
  readonly skipped: number;
  readonly windowMs: number;
  readonly queries: number;
  readonly perMinute: number;
  readonly loopP99Ms: number;
  readonly loopMaxMs: number;
}

async function timedGet(base: string, route: (typeof ROUTES)[number]): Promise<Sample> {
  const t = performance.now();
  try {
    const res = await fetch(`${base}${route.path}`, { signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS), headers: { Accept: "application/json" } });
    const text = await res.text();
    const ms = performance.now() - t;
    let stale = false;
    let fetchedAt: number | null = null;
    if (res.status === 200) {
      const body = JSON.parse(text) as { meta?: { stale?: boolean; fetchedAt?: number } };
      stale = body.meta?.stale === true;
      fetchedAt = body.meta?.fetchedAt ?? null;
    }
    return { route: route.name, ms, status: res.status, stale, fetchedAt };
  } catch (err) {
    return { route: route.name, ms: performance.now() - t, status: 0, stale: false, fetchedAt: null, error: err instanceof Error ? `${err.name}: ${err.message}` : String(err) };
  }
}

async function viewerPhase(base: string, viewers: number, seed: number): Promise<Phase> {
  const random = rng(seed);
  const before = await queriesSent(base);
  const windowStart = performance.now();
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const t0 = performance.now();
  const end = t0 + SECONDS * 1000;
  const samples: Sample[] = [];
  const inFlight = new Set<Promise<void>>();
  let skipped = 0;

  // Like react-query's refetchInterval: one timer per viewer, all three queries refetched together;
  // a query still loading when its next tick comes is not fetched twice (counted as skipped).
  const viewer = async (offsetMs: number): Promise<void> => {
    const busy = new Set<RouteName>();
    for (let k = 0; ; k++) {
      const at = t0 + offsetMs + k * INTERVAL_MS;
      if (at >= end) return;
      await sleep(at - performance.now());
      for (const route of ROUTES) {
        if (busy.has(route.name)) {
          skipped += 1;
          continue;
        }
        busy.add(route.name);
        const p: Promise<void> = timedGet(base, route).then((s) => {
          samples.push(s);
          busy.delete(route.name);
          inFlight.delete(p);
        });
        inFlight.add(p);
      }
    }
  };
  await Promise.all(Array.from({ length: viewers }, () => viewer(random() * INTERVAL_MS)));
  await Promise.all([...inFlight]);
  await sleep(end - performance.now()); // the window is at least --seconds, however the jitter fell
  loop.disable();
  const windowMs = performance.now() - windowStart;
  const after = await queriesSent(base);
  const queries = after - before;
  return {
    viewers,
    samples,
    skipped,
    windowMs,
    queries,
    perMinute: queries / (windowMs / 60_000),
    loopP99Ms: loop.percentile(99) / 1e6,
    loopMaxMs: loop.max / 1e6,
  };
}

function latencyRows(samples: readonly Sample[]): string[][] {
  const groups: [string, readonly Sample[]][] = [...ROUTES.map((r) => [r.path, samples.filter((s) => s.route === r.name)] as [string, Sample[]]), ["all", samples]];
  return groups.map(([name, ss]) => {
    const ok = sorted(ss.filter((s) => s.status === 200).map((s) => s.ms));
    const all = sorted(ss.map((s) => s.ms));
    const bad = ss.filter((s) => s.status !== 200).length;
    const distinct = new Set(ss.flatMap((s) => (s.fetchedAt === null ? [] : [`${s.route}:${s.fetchedAt}`]))).size;
    return [
      name,
      String(ss.length),
      ms1(percentile(all, 50)),
      ms1(percentile(all, 95)),
      ms1(all.length ? all[all.length - 1]! : NaN),
      ms1(percentile(ok, 50)),
      String(bad),
      String(ss.filter((s) => s.stale).length),
      String(distinct),
    ];
  });
}

function reportPhase(title: string, p: Phase): void {
  out(title);
  out();
  for (const l of table(
    ["route", "requests", "p50 ms", "p95 ms", "max ms", "p50 ok ms", "errors/non-200", "stale", "results"],
    latencyRows(p.samples),
    [false, true, true, true, true, true, true, true, true],
  ))
    out(`  ${l}`);
  out();
  const byStatus = new Map<string, number>();
  for (const s of p.samples) {
    if (s.status === 200) continue;
    const key = `${s.route}: ${s.status === 0 ? `error (${s.error ?? "?"})` : `HTTP ${s.status}`}`;
    byStatus.set(key, (byStatus.get(key) ?? 0) + 1);
  }
  const perViewerTicks = Math.ceil(SECONDS / INTERVAL_S);
  out(
    `  ${int(p.samples.length)} requests done (${p.viewers} viewer${p.viewers === 1 ? "" : "s"} x ${perViewerTicks} ticks x ${ROUTES.length} routes = ${int(p.viewers * perViewerTicks * ROUTES.length)} scheduled, ${p.skipped} skipped because the previous one was still loading)`,
  );
  out(`  errors/non-200: ${byStatus.size ? [...byStatus].map(([k, v]) => `${v} x ${k}`).join("; ") : "none"}`);
  out(`  results = distinct meta.fetchedAt values seen (Trino fetches observed through the API)`);
  out(`  load generator event-loop delay: p99 ${ms1(p.loopP99Ms)} ms, max ${ms1(p.loopMaxMs)} ms (client-side share of the latencies)`);
  out();
}

// ---------------------------------------------------------------------------------------------
// main

async function main(): Promise<void> {
  if (!fs.existsSync(path.join(process.cwd(), "node_modules", "next")) || !fs.existsSync(path.join(process.cwd(), "app"))) {
    throw new Error("run from the repository root (npm run bench:dashboard)");
  }
  const started = Date.now();
  const args = process.argv.slice(2);
  const viaNpm = process.env.npm_lifecycle_event === "bench:dashboard";
  const command = viaNpm ? `npm run bench:dashboard${args.length ? ` -- ${args.join(" ")}` : ""}` : `npx tsx scripts/bench-dashboard.ts${args.length ? ` ${args.join(" ")}` : ""}`;
  const cpus = os.cpus();
  const port = await pickPort();
  const rtCache = process.env.PULSE_RT_CACHE_SECONDS ?? "10 (default)";

  let trinoFacts = "unreachable";
  try {
    const info = await getJson<{ nodeVersion?: { version?: string }; uptime?: string }>(`${TRINO_URL}/v1/info`, 5_000);
    trinoFacts = `Trino ${info.body.nodeVersion?.version ?? "?"} at ${TRINO_URL}, up ${info.body.uptime ?? "?"}`;
  } catch (err) {
    throw new Error(`Trino at ${TRINO_URL} does not answer (${err instanceof Error ? err.message : String(err)}); start the demo with npm start`);
  }
  const head = git(["rev-parse", "--short", "HEAD"]);
  const dirty = git(["status", "--porcelain"]);

  out("# Pulse dashboard benchmark");
  out();
  out(`command:  ${command}`);
  out(`settings: --port ${port} --viewers ${VIEWERS} --seconds ${SECONDS} --interval ${INTERVAL_S} --runs ${RUNS} --trino ${TRINO_URL} --seed ${SEED}${opt["no-build"] ? " --no-build" : ""}`);
  out(`started:  ${new Date(started).toISOString()}`);
  out(`machine:  ${cpus.length} cores (os.cpus().length), ${cpus[0]?.model.trim() ?? "unknown CPU"}; ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM; load avg ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}`);
  out(`software: node ${process.version}, ${os.type()} ${os.release()} ${os.arch()}; ${trinoFacts}`);
  out(`code:     git ${head ?? "?"}${dirty === null ? "" : dirty ? ` + ${dirty.split("\n").length} uncommitted paths` : " (clean)"}`);
  out(`server:   own next start on http://127.0.0.1:${port}, TRINO_URL ${TRINO_URL}, RT cache ${rtCache} s`);
  out("note:     client, server, Chromium, Trino and the live pipeline share this machine");
  out();

  let dashboard: DashboardHandle | undefined;
  let browser: Browser | undefined;
  const cleanup = async () => {
    await browser?.close().catch(() => undefined);
    await dashboard?.stop();
  };
  const onSignal = (sig: string) => {
    progress(`${sig}: stopping`);
    void cleanup().finally(() => process.exit(130));
  };
  process.once("SIGINT", () => onSignal("SIGINT"));
  process.once("SIGTERM", () => onSignal("SIGTERM"));

  try {
    const tBuild = Date.now();
    if (opt["no-build"]) {
      if (!fs.existsSync(path.join(process.cwd(), distDir(), "BUILD_ID"))) throw new Error(`--no-build but there is no build in ${distDir()}`);
      progress(`--no-build: using the existing build in ${distDir()}`);
    } else {
      if (buildIsStale()) progress(`the build is stale: next build rewrites ${distDir()} under any \`next start\` serving it (e.g. :3000); --no-build avoids that`);
      await buildDashboard(serverLog);
    }
    const buildSeconds = (Date.now() - tBuild) / 1000;
    const buildId = `${distDir()}/BUILD_ID ${fs.readFileSync(path.join(process.cwd(), distDir(), "BUILD_ID"), "utf8").trim()}`;
    const tStart = Date.now();
    dashboard = await startDashboard({ port, trinoUrl: TRINO_URL, log: serverLog });
    const base = dashboard.url;
    progress(`dashboard up at ${base} in ${((Date.now() - tStart) / 1000).toFixed(1)} s (build step ${buildSeconds.toFixed(1)} s, ${buildId})`);
    const tMeasure = Date.now();

    const trending = await getJson<{ data?: { rows?: { videoId: string }[] } }>(`${base}/api/pulse/trending?limit=25`, 60_000);
    const videoId = trending.body.data?.rows?.[0]?.videoId;
    if (trending.status !== 200 || !videoId) throw new Error(`/api/pulse/trending?limit=25 answered ${trending.status} without a video`);

    browser = await chromium.launch({ executablePath: CHROMIUM });
    out(`browser:  Chromium ${browser.version()} (${CHROMIUM}), viewport ${VIEWPORT.width}x${VIEWPORT.height}; build step ${buildSeconds.toFixed(1)} s, ${buildId}`);
    out();

    const pages: PageJs[] = [];
    for (const p of ["/", `/videos/${encodeURIComponent(videoId)}`, "/daily"]) {
      progress(`JS: loading ${p}`);
      pages.push(await measurePageJs(browser, base, p));
    }
    reportJs(pages);

    progress("first chart: 2 warm-up loads");
    const warm = [await loadPulse(browser, base), await loadPulse(browser, base)];
    const runs: ChartRun[] = [];
    for (let i = 0; i < RUNS; i++) {
      runs.push(await loadPulse(browser, base));
      progress(`first chart: run ${i + 1}/${RUNS}: ${runs[i]!.error ? `FAILED: ${runs[i]!.error}` : `${ms1(runs[i]!.firstChartMs)} ms`}`);
    }
    progress("checking which URLs the page polls (/?refresh=5)");
    const polled = await observePolling(browser, base);
    reportChart(warm, runs, polled, await compareUrls(base, polled));
    const polledHealth = polled.some((u) => u.startsWith("/api/health"));
    await browser.close();
    browser = undefined;

    progress(`1 viewer for ${SECONDS} s`);
    const one = await viewerPhase(base, 1, SEED);
    progress(`${VIEWERS} viewers for ${SECONDS} s`);
    const many = await viewerPhase(base, VIEWERS, SEED + 1);

    reportPhase(`## 3. API latency, ${VIEWERS} viewers polling the 3 Pulse routes every ${INTERVAL_S} s for ${SECONDS} s (start jittered over ${INTERVAL_S} s)`, many);
    reportPhase(`   (baseline) the same with 1 viewer`, one);

    out("## 4. Trino queries sent by the server's result cache (/api/health queriesSent, which includes health's own checks)");
    out();
    for (const l of table(
      ["phase", "queries", "window s", "queries/min", "per viewer/min"],
      [one, many].map((p) => [`${p.viewers} viewer${p.viewers === 1 ? "" : "s"}`, String(p.queries), (p.windowMs / 1000).toFixed(1), p.perMinute.toFixed(1), (p.perMinute / p.viewers).toFixed(2)]),
      [false, true, true, true, true],
    ))
      out(`  ${l}`);
    out();
    const ratio = one.perMinute > 0 ? many.perMinute / one.perMinute : NaN;
    out(`  ratio ${VIEWERS} viewers / 1 viewer: ${Number.isFinite(ratio) ? ratio.toFixed(2) : "n/a"}x queries per minute for ${VIEWERS}x the viewers`);
    out(`  (window = between the two health reads: --seconds, or longer while the last requests finish)`);
  if (polledHealth) {
    out("  not simulated: pages also poll /api/health; its check is single-flight with a 5 s period, so at most");
    out("  12 Trino queries a minute however many pages are open (counted in queriesSent when they happen).");
  }
    out();

    const allJs = pages.map((p) => `${p.path} ${kib(p.scripts.reduce((a, s) => a + s.gzip, 0))}`).join(", ");
    const all = sorted(many.samples.map((s) => s.ms));
    out("## Summary");
    out();
    out(`  JS gzip-9 per page:         ${allJs}`);
    const okRuns = runs.filter((r) => !r.error).map((r) => r.firstChartMs);
    out(`  first chart (median of ${okRuns.length}):  ${ms1(median(okRuns))} ms${okRuns.length < runs.length ? ` (${runs.length - okRuns.length} runs failed)` : ""}`);
    out(`  API @ ${VIEWERS} viewers:          p50 ${ms1(percentile(all, 50))} ms, p95 ${ms1(percentile(all, 95))} ms, max ${ms1(all[all.length - 1] ?? NaN)} ms, ${many.samples.filter((s) => s.status !== 200).length} errors/non-200 of ${many.samples.length}`);
    out(`  Trino queries/min:          ${one.perMinute.toFixed(1)} (1 viewer) vs ${many.perMinute.toFixed(1)} (${VIEWERS} viewers), ratio ${Number.isFinite(ratio) ? ratio.toFixed(2) : "n/a"}`);
    out(`  server warnings/errors:     ${serverNotes.length ? serverNotes.length : "none"}`);
    for (const n of serverNotes.slice(0, 20)) out(`    ${n}`);
    out(`  runtime: ${((Date.now() - tMeasure) / 1000).toFixed(0)} s measuring, ${((Date.now() - started) / 1000).toFixed(0)} s in total; load avg now ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}`);
  } finally {
    await cleanup();
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(`[bench] error: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
