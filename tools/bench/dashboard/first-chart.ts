/**
 * Section 2: time to first chart on `/`, the `pulse:first-chart` mark's startTime (ms after
 * navigation start) in fresh contexts after warm-up loads. Also records which API URLs the page
 * polls, to confirm the simulated viewers (routes.ts) ask for the same data.
 */
import type { Browser } from "@playwright/test";
import { ms1 } from "../format";
import { getJson } from "../http";
import { out, sleep } from "../report";
import { median } from "../stats";
import { table } from "../table";
import { FIRST_CHART_EXISTS, FIRST_CHART_START, NAV_TIMING, newContext, PREVIEW_TIMING } from "./browser";
import { PULSE_ROUTES } from "./routes";

export interface ChartRun {
  /** NaN when the run failed (see `error`). */
  readonly firstChartMs: number;
  readonly error?: string;
  readonly ttfbMs: number | null;
  readonly dclMs: number | null;
  /** The chart's server-rendered preview parsed (its lines visible from then on, at the next paint). */
  readonly previewMs: number | null;
  readonly fcpMs: number | null;
}

export const okFirstCharts = (runs: readonly ChartRun[]) => runs.filter((r) => !r.error).map((r) => r.firstChartMs);

export async function loadPulse(browser: Browser, base: string, pagePath = "/"): Promise<ChartRun> {
  const ctx = await newContext(browser);
  const failures: string[] = [];
  try {
    const page = await ctx.newPage();
    page.on("response", (r) => {
      if (r.status() >= 400) failures.push(`${r.status()} ${new URL(r.url()).pathname}`);
    });
    const resp = await page.goto(`${base}${pagePath}`, { waitUntil: "commit", timeout: 90_000 });
    if (resp?.status() !== 200) throw new Error(`${pagePath} answered ${resp?.status() ?? "nothing"}`);
    await page.waitForFunction(FIRST_CHART_EXISTS, undefined, { timeout: 60_000 });
    await page.locator("[data-testid=platform-chart] canvas").first().waitFor({ state: "attached", timeout: 10_000 });
    const firstChartMs = (await page.evaluate(FIRST_CHART_START)) as number;
    const nav = (await page.evaluate(NAV_TIMING)) as { ttfb: number; dcl: number } | null;
    const paint = (await page.evaluate(PREVIEW_TIMING)) as { preview: number | null; fcp: number | null };
    return { firstChartMs, ttfbMs: nav ? nav.ttfb : null, dclMs: nav && nav.dcl > 0 ? nav.dcl : null, previewMs: paint.preview, fcpMs: paint.fcp };
  } catch (err) {
    const msg = err instanceof Error ? err.message.split("\n")[0]! : String(err);
    return {
      firstChartMs: NaN,
      ttfbMs: null,
      dclMs: null,
      previewMs: null,
      fcpMs: null,
      error: `${msg}${failures.length ? `; failed responses: ${failures.join(", ")}` : ""}`,
    };
  } finally {
    await ctx.close();
  }
}

/** Which API URLs the Pulse page itself polls within one refresh period (plus slack) at /?refresh=5. */
export async function observePolling(browser: Browser, base: string): Promise<string[]> {
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

/**
 * For each route the page polled under another URL than the viewers use: does the server bind the
 * same SQL (one cache entry)? Empty when the URLs agree, which routes.ts is built to ensure.
 */
export async function compareUrls(base: string, polled: readonly string[]): Promise<string[]> {
  const lines: string[] = [];
  for (const r of PULSE_ROUTES) {
    const pathname = r.path.split("?")[0]!;
    const pageUrl = polled.find((u) => u.split("?")[0] === pathname);
    if (pageUrl === undefined || pageUrl === r.path) continue;
    const sql = async (u: string) => (await getJson<{ meta?: { sql?: string } }>(`${base}${u}`, 60_000)).body.meta?.sql ?? null;
    const [a, b] = [await sql(pageUrl), await sql(r.path)];
    lines.push(
      `  page ${pageUrl} vs viewers ${r.path}: ${a !== null && a === b ? "same bound SQL (one cache entry)" : "DIFFERENT SQL: the viewers do not share the page's cache entry"}`,
    );
  }
  return lines;
}

export function reportChart(warm: readonly ChartRun[], runs: readonly ChartRun[], polled: readonly string[], sameSql: readonly string[]): void {
  out(`## 2. Time to first chart on / (warm server: ${warm.length} warm-up loads, then ${runs.length} fresh contexts)`);
  out();
  out("  first chart = performance mark 'pulse:first-chart' startTime, ms after navigation start");
  const rows = runs.map((r, i) => [
    String(i + 1),
    r.error ? "FAILED" : ms1(r.firstChartMs),
    r.ttfbMs === null ? "n/a" : ms1(r.ttfbMs),
    r.dclMs === null ? "n/a" : ms1(r.dclMs),
  ]);
  for (const l of table(["run", "first chart ms", "TTFB ms", "DOMContentLoaded ms"], rows, ["right", "right", "right", "right"])) out(`  ${l}`);
  const fc = okFirstCharts(runs);
  out();
  out(
    fc.length
      ? `  first chart: median ${ms1(median(fc))} ms, min ${ms1(Math.min(...fc))} ms, max ${ms1(Math.max(...fc))} ms (${fc.length} of ${runs.length} runs)`
      : "  first chart: no run succeeded",
  );
  for (const l of previewLines(runs)) out(l);
  for (const [i, r] of runs.entries()) if (r.error) out(`  run ${i + 1} FAILED: ${r.error}`);
  const ttfb = runs.flatMap((r) => (r.ttfbMs === null ? [] : [r.ttfbMs]));
  if (ttfb.length) out(`  TTFB: median ${ms1(median(ttfb))} ms (server render incl. prefetching the panels' data)`);
  out(`  warm-up loads (not counted): ${warm.map((w) => (w.error ? `FAILED (${w.error})` : `${ms1(w.firstChartMs)} ms`)).join(", ")}`);
  out(`  API URLs the page polled within 6.5 s at /?refresh=5: ${polled.length ? polled.join("  ") : "(none seen)"}`);
  for (const l of sameSql) out(l);
  out();
}

/** The preview and first-paint lines both benchmarks print under their first-chart figures. */
export function previewLines(runs: readonly ChartRun[]): string[] {
  const fig = (xs: readonly (number | null)[]) => xs.map((x) => (x === null ? "n/a" : ms1(x))).join(", ");
  const med = (xs: readonly (number | null)[]) => {
    const ok = xs.filter((x): x is number => x !== null);
    return ok.length ? `median ${ms1(median(ok))} ms` : "none";
  };
  const previews = runs.map((r) => r.previewMs);
  const fcps = runs.map((r) => r.fcpMs);
  return [
    `  chart preview (mark 'pulse:chart-preview': the chart's lines as server-rendered SVG, parsed): ${fig(previews)}; ${med(previews)}`,
    `  first contentful paint: ${fig(fcps)}; ${med(fcps)}`,
    "  first chart = the chart engine (ECharts, loaded after the page) has drawn the interactive chart in the preview's place",
  ];
}
