/**
 * Dashboard benchmark against the running demo lakehouse (start it with `npm start` first):
 *   npm run bench:dashboard
 *   npx tsx scripts/bench-dashboard.ts [--port 3300] [--viewers 50] [--seconds 60] [--interval 5] [--runs 7]
 *                                      [--trino https://127.0.0.1:18080] [--chromium /usr/bin/chromium] [--no-build] [--seed 1]
 *
 * The demo's Trino is reached with its generated dashboard password and certificate; another one
 * (--trino) with TRINO_USER, TRINO_PASSWORD and TRINO_CA_FILE from the environment (trino-target.ts).
 *
 * Builds the production dashboard when its sources changed (into .next, or PULSE_NEXT_DIST_DIR like
 * `npm start`; --no-build uses the build as it is), runs its own dashboard server (startDashboard) on a free port (3300
 * unless --port; never the :3000 one), and measures, printing each section as it completes:
 *   1. JavaScript per page (js-size.ts)
 *   2. time to first chart on / (first-chart.ts)
 *   3. API latency with --viewers simulated viewers polling the Pulse page's routes (viewers.ts)
 *   4. Trino queries per minute with 1 viewer vs --viewers viewers (queries-per-minute.ts)
 * The load generator runs on the same machine as Trino and the server: its event-loop delay is
 * reported so its own share of the latencies can be judged.
 */
import fs from "node:fs";
import path from "node:path";
import { type Browser, chromium } from "@playwright/test";
import { parseConfig } from "../../../lib/config/definitions";
import { buildDashboard, buildIsStale, type DashboardHandle, distDir, startDashboard } from "../../dashboard/next-process";
import { pickFreePort, portIsFree } from "../../net/ports";
import { kib, ms1, ratio2 } from "../format";
import { getJson } from "../http";
import { out, progress } from "../report";
import { codeLine, commandLine, loadAvg, machineLine, softwareLine } from "../run-facts";
import { maximum, median, percentile } from "../stats";
import { VIEWPORT } from "./browser";
import { type ChartRun, compareUrls, loadPulse, observePolling, okFirstCharts, reportChart } from "./first-chart";
import { gzipTotal, measurePageJs, type PageJs, reportJs } from "./js-size";
import { type BenchOptions, describeOptions, parseOptions } from "./options";
import { queryRatio, reportQueries } from "./queries-per-minute";
import { PULSE_ROUTES } from "./routes";
import { trinoFacts, trinoTarget } from "./trino-target";
import { failures, latencies, type PhasePlan, reportPhase, viewerPhase } from "./viewers";

/** Ports tried when --port is not given: clear of the demo's :3000 and the e2e suite's :3100. */
const PORT_RANGE = [3300, 3319] as const;

const serverNotes: string[] = [];
const serverLog = (line: string) => {
  if (/^dashboard:/.test(line)) serverNotes.push(line);
  progress(line);
};

async function choosePort(explicit: number | undefined): Promise<number> {
  if (explicit === undefined) return pickFreePort(...PORT_RANGE);
  if (!(await portIsFree(explicit))) throw new Error(`port ${explicit} is in use; pass another --port`);
  return explicit;
}

/** Builds (unless --no-build) and returns a description of the build being measured. */
async function prepareBuild(o: BenchOptions): Promise<{ seconds: number; id: string }> {
  const t = Date.now();
  if (o.noBuild) {
    if (!fs.existsSync(path.join(process.cwd(), distDir(), "BUILD_ID"))) throw new Error(`--no-build but there is no build in ${distDir()}`);
    progress(`--no-build: using the existing build in ${distDir()}`);
  } else {
    if (buildIsStale())
      progress(`the build is stale: next build rewrites ${distDir()} under any \`next start\` serving it (e.g. :3000); --no-build avoids that`);
    await buildDashboard(serverLog);
  }
  return { seconds: (Date.now() - t) / 1000, id: `${distDir()}/BUILD_ID ${fs.readFileSync(path.join(process.cwd(), distDir(), "BUILD_ID"), "utf8").trim()}` };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const o = parseOptions(args);
  if (!fs.existsSync(path.join(process.cwd(), "node_modules", "next")) || !fs.existsSync(path.join(process.cwd(), "app"))) {
    throw new Error("run from the repository root (npm run bench:dashboard)");
  }
  const started = Date.now();
  const port = await choosePort(o.port);
  const target = trinoTarget(o.trinoUrl);
  const trino = await trinoFacts(o.trinoUrl, target);

  out("# Pulse dashboard benchmark");
  out();
  out(`command:  ${commandLine("bench:dashboard", "scripts/bench-dashboard.ts", args)}`);
  out(`settings: ${describeOptions(o, port)}`);
  out(`started:  ${new Date(started).toISOString()}`);
  out(`machine:  ${machineLine()}`);
  out(`software: ${softwareLine()}; ${trino}`);
  out(`code:     ${codeLine()}`);
  out(
    `server:   own dashboard server on http://127.0.0.1:${port}, TRINO_URL ${o.trinoUrl}, RT cache ${parseConfig("server", process.env).PULSE_RT_CACHE_SECONDS} s`,
  );
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
    const build = await prepareBuild(o);
    const tStart = Date.now();
    dashboard = await startDashboard({ port, trino: target.env, log: serverLog });
    const base = dashboard.url;
    progress(`dashboard up at ${base} in ${((Date.now() - tStart) / 1000).toFixed(1)} s (build step ${build.seconds.toFixed(1)} s, ${build.id})`);
    const tMeasure = Date.now();

    const trending = await getJson<{ data?: { rows?: { videoId: string }[] } }>(`${base}/api/pulse/trending?limit=25`, 60_000);
    const videoId = trending.body.data?.rows?.[0]?.videoId;
    if (trending.status !== 200 || !videoId) throw new Error(`/api/pulse/trending?limit=25 answered ${trending.status} without a video`);

    browser = await chromium.launch({ executablePath: o.chromium });
    out(
      `browser:  Chromium ${browser.version()} (${o.chromium}), viewport ${VIEWPORT.width}x${VIEWPORT.height}; build step ${build.seconds.toFixed(1)} s, ${build.id}`,
    );
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
    for (let i = 0; i < o.runs; i++) {
      const run = await loadPulse(browser, base);
      runs.push(run);
      progress(`first chart: run ${i + 1}/${o.runs}: ${run.error ? `FAILED: ${run.error}` : `${ms1(run.firstChartMs)} ms`}`);
    }
    progress("checking which URLs the page polls (/?refresh=5)");
    const polled = await observePolling(browser, base);
    reportChart(warm, runs, polled, await compareUrls(base, polled));
    const pagesPollHealth = polled.some((u) => u.startsWith("/api/health"));
    await browser.close();
    browser = undefined;

    const plan = (viewers: number, seed: number): PhasePlan => ({ viewers, seconds: o.seconds, intervalS: o.intervalS, seed });
    const onePlan = plan(1, o.seed);
    const manyPlan = plan(o.viewers, o.seed + 1);
    progress(`1 viewer for ${o.seconds} s`);
    const one = await viewerPhase(base, onePlan);
    progress(`${o.viewers} viewers for ${o.seconds} s`);
    const many = await viewerPhase(base, manyPlan);

    reportPhase(
      `## 3. API latency, ${o.viewers} viewers polling the ${PULSE_ROUTES.length} Pulse routes every ${o.intervalS} s for ${o.seconds} s (start jittered over ${o.intervalS} s)`,
      many,
      manyPlan,
    );
    reportPhase(`   (baseline) the same with 1 viewer`, one, onePlan);
    reportQueries(one, many, pagesPollHealth);

    const all = latencies(many.samples);
    const okRuns = okFirstCharts(runs);
    out("## Summary");
    out();
    out(`  JS gzip-9 per page:         ${pages.map((p) => `${p.path} ${kib(gzipTotal(p))}`).join(", ")}`);
    out(
      `  first chart (median of ${okRuns.length}):  ${ms1(median(okRuns))} ms${okRuns.length < runs.length ? ` (${runs.length - okRuns.length} runs failed)` : ""}`,
    );
    out(
      `  API @ ${o.viewers} viewers:          p50 ${ms1(percentile(all, 50))} ms, p95 ${ms1(percentile(all, 95))} ms, max ${ms1(maximum(all))} ms, ${failures(many.samples)} errors/non-200 of ${many.samples.length}`,
    );
    out(
      `  Trino queries/min:          ${one.perMinute.toFixed(1)} (1 viewer) vs ${many.perMinute.toFixed(1)} (${o.viewers} viewers), ratio ${ratio2(queryRatio(one, many))}`,
    );
    out(`  server warnings/errors:     ${serverNotes.length ? serverNotes.length : "none"}`);
    for (const n of serverNotes.slice(0, 20)) out(`    ${n}`);
    out(
      `  runtime: ${((Date.now() - tMeasure) / 1000).toFixed(0)} s measuring, ${((Date.now() - started) / 1000).toFixed(0)} s in total; load avg now ${loadAvg()}`,
    );
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
