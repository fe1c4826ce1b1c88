/**
 * Live-serving benchmark (issue 10, part 6) against a running dashboard (`npm start`; default
 * http://127.0.0.1:3000, --url for another), printing each section as it completes:
 *   1. SSE subscribers on the Pulse page's stream, per --viewers level (sse-phase.ts)
 *   2. pollers on the polling fallback, per level (poll-phase.ts)
 *   3. Trino statements per minute during those phases (statements.ts, statements-report.ts)
 *   4. a burst of distinct custom ranges while viewers poll the default view (burst-phase.ts)
 *   5. time to first chart on / (first-chart.ts)
 * It never starts or stops the server, Trino or the pipeline. Trino is read as admin with the demo
 * instance's generated login (PULSE_LAKEHOUSE_DIR, see options.ts). Figures, not verdicts: client,
 * server, Trino and the live pipeline share this machine, whose load average is printed throughout.
 */
import fs from "node:fs";
import { connectionFor } from "../../../lib/lakehouse/connection";
import { trustedCertificate } from "../../../lib/lakehouse/secrets";
import { instanceSettings, lakehouseRoot, serverUrl } from "../../../lib/lakehouse/settings";
import type { TrinoConnection } from "../../../lib/trino/client";
import { okFirstCharts } from "../dashboard/first-chart";
import { ms1, ratio2 } from "../format";
import { getJson } from "../http";
import { out, progress, sleep } from "../report";
import { codeLine, commandLine, loadAvg, machineLine, softwareLine } from "../run-facts";
import { maximum, median } from "../stats";
import { type Batch, durationMs, readBatches } from "./batches";
import { type BurstPhase, burstPhase, outcomeOf, reportBurst } from "./burst-phase";
import { type ChartResult, chartPhase, reportChart } from "./first-chart";
import { describeOptions, type LiveBenchOptions, parseOptions } from "./options";
import { type PollPhase, pollPhase, reportPoll } from "./poll-phase";
import { pollStats } from "./pollers";
import { findListener, processStartedAt } from "./server-process";
import { reportSse, type SsePhase, ssePhase, sseSummary } from "./sse-phase";
import { dashboardPatterns, StatementSampler } from "./statements";
import { reportStatements, type WatchWindow, type WindowStatements } from "./statements-report";

interface HealthBody {
  readonly live?: { readonly source?: string; readonly healthy?: boolean; readonly rtVersion?: string | null; readonly dailyVersion?: string | null };
}

const loadLine = () => out(`  load average (1, 5, 15 min) at the end of this section: ${loadAvg()}`);

async function serverFacts(base: string): Promise<{ pid: number | undefined; lines: string[] }> {
  let health: HealthBody;
  try {
    health = (await getJson<HealthBody>(`${base}/api/health`, 30_000)).body;
  } catch (err) {
    throw new Error(`no dashboard answers at ${base}/api/health (${err instanceof Error ? err.message : String(err)}); start it with npm start`);
  }
  const listener = findListener(new URL(base), lakehouseRoot());
  const lines = [`server:   ${base}; live watcher ${JSON.stringify(health.live ?? "not reported")}`];
  if (typeof listener === "string") {
    lines.push(`process:  n/a (${listener}): no RSS or CPU figures`);
    return { pid: undefined, lines };
  }
  let cwd: string | undefined;
  try {
    cwd = fs.readlinkSync(`/proc/${listener.pid}/cwd`);
  } catch {
    cwd = undefined;
  }
  const since = processStartedAt(listener.pid);
  lines.push(
    `process:  pid ${listener.pid} (${listener.how}), started ${since ? new Date(since).toISOString() : "?"}, serving from ${cwd ?? "?"}${cwd ? ` (its checkout now: ${codeLine(cwd)}; the server runs the build it started with)` : ""}`,
  );
  return { pid: listener.pid, lines };
}

/** The demo Trino as admin, checked with a real read, or why it is not available. */
async function adminTrino(): Promise<{ admin: TrinoConnection | undefined; line: string }> {
  const inst = instanceSettings("main");
  try {
    const admin = connectionFor(inst, "admin");
    const info = await getJson<{ nodeVersion?: { version?: string }; uptime?: string }>(`${serverUrl(inst)}/v1/info`, 5_000, trustedCertificate(inst));
    const batches = await readBatches(admin, Date.now() - 10 * 60_000);
    const last = batches.filter((b) => b.committedMs !== null).at(-1);
    return {
      admin,
      line: `trino:    ${info.body.nodeVersion?.version ?? "?"} at ${admin.server}, up ${info.body.uptime ?? "?"}, as ${admin.user} (login from ${inst.dir}); last micro-batch b${last?.batchId ?? "?"} committed ${last?.committedMs ? new Date(last.committedMs).toISOString() : "n/a"}`,
    };
  } catch (err) {
    return {
      admin: undefined,
      line: `trino:    n/a as admin (${err instanceof Error ? err.message : String(err)}); set PULSE_LAKEHOUSE_DIR to the .lakehouse folder of the running npm start. Commit times, statements and micro-batches are not measured.`,
    };
  }
}

function header(o: LiveBenchOptions, args: readonly string[], started: number): void {
  out("# Pulse live-serving benchmark (issue 10, part 6)");
  out();
  out(`command:  ${commandLine("bench:live", "scripts/bench-live.ts", args)}`);
  out(`settings: ${describeOptions(o)}`);
  out(`started:  ${new Date(started).toISOString()}`);
  out(`machine:  ${machineLine()}`);
  out(`software: ${softwareLine()}`);
  out(`bench:    ${codeLine()}`);
}

function summary(
  sse: readonly SsePhase[],
  poll: readonly PollPhase[],
  stmts: readonly WindowStatements[],
  burst: BurstPhase | undefined,
  chart: ChartResult | undefined,
): void {
  out("## Summary (figures only; issue 10's targets in brackets for reference)");
  out();
  const pct = (x: number) => (Number.isFinite(x) ? `${x.toFixed(1)} %` : "n/a");
  for (const p of sse) {
    const s = sseSummary(p);
    out(
      `  SSE ${String(p.viewers).padStart(4)}: worst commit within 2 s: of first receipt ${pct(s.withinFirst)}, of server read ${pct(s.withinServer)} (all panels ${pct(s.withinServerAll)}), of commit ${pct(s.withinCommit)} [95 % of the server seeing it]; spread p95 ${ms1(s.spreadP95)} ms; errors/disconnects ${s.errors} [0]; RSS max ${((p.server.maxRssKb || NaN) / 1024).toFixed(0)} MiB [bounded]`,
    );
  }
  for (const p of poll) {
    const s = pollStats(p.measured);
    out(
      `  poll ${String(p.viewers).padStart(4)}: ${(s.requests / ((p.toMs - p.fromMs) / 1000)).toFixed(1)} req/s, p50 ${ms1(s.p50)} ms, p95 ${ms1(s.p95)} ms [< 50 ms at 1,000], max ${ms1(s.max)} ms; 200/304 ${s.ok200}/${s.notModified304}; errors ${s.errors} [0]; RSS max ${((p.server.maxRssKb || NaN) / 1024).toFixed(0)} MiB`,
    );
  }
  if (stmts.length)
    out(`  Trino statements/min: ${stmts.map((s) => `${s.window.label} ${s.perMinute.toFixed(1)}`).join(", ")} [the same at 1, 50, 1,000 viewers; <= 6/min]`);
  if (burst) {
    const s = burst.samples;
    const within = s.filter((x) => x.ms <= 1_000 && (x.status === 200 || (x.status === 503 && x.retryAfter !== undefined))).length;
    const before = pollStats(burst.viewerSamples.filter((x) => x.sentAt >= burst.beforeFromMs && x.sentAt < burst.fromMs));
    const during = pollStats(burst.viewerSamples.filter((x) => x.sentAt >= burst.fromMs && x.sentAt < burst.toMs));
    const ratios = burst.batches?.during.map((b) => durationMs(b) / burst.batches!.medianMs) ?? [];
    out(
      `  burst: ${s.length} ranges, ${s.filter((x) => outcomeOf(x) === "200 data").length} data, ${s.filter((x) => outcomeOf(x) === "503 + Retry-After").length} 503+Retry-After, ${s.filter((x) => x.status !== 200 && outcomeOf(x) !== "503 + Retry-After").length} other; ${pct((100 * within) / s.length)} answered (data or 503+RA) within 1 s [all]; max ${ms1(maximum(s.map((x) => x.ms)))} ms`,
    );
    out(
      `  burst viewers: p50 ${ms1(before.p50)} -> ${ms1(during.p50)} ms, p95 ${ms1(before.p95)} -> ${ms1(during.p95)} ms (before -> during), errors during ${during.errors} [no error, no added latency]`,
    );
    out(`  burst micro-batches: ${ratios.length ? ratios.map((r) => `${ratio2(r)}x`).join(", ") : "n/a"} of the median [<= 1.5x]`);
  }
  if (chart) out(`  first chart on / (warm): median ${ms1(median(okFirstCharts(chart.runs)))} ms [< 500 ms]`);
  out(`  load average now: ${loadAvg()}`);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const o = parseOptions(args);
  const started = Date.now();
  header(o, args, started);
  const server = await serverFacts(o.url);
  for (const l of server.lines) out(l);
  const { admin, line } = await adminTrino();
  out(line);
  out("note:     load generator, server, Trino and the live pipeline share this machine: figures, not verdicts");
  out();

  const sampler = o.phases.has("queries") && admin ? new StatementSampler(admin) : undefined;
  if (o.phases.has("queries") && !admin) out("  (queries phase skipped: no admin login to Trino)\n");
  sampler?.start();
  const windows: WatchWindow[] = [];
  const sse: SsePhase[] = [];
  const poll: PollPhase[] = [];
  let stmts: WindowStatements[] = [];
  let burst: BurstPhase | undefined;
  let chart: ChartResult | undefined;

  if (o.phases.has("sse")) {
    for (const v of o.viewers) {
      progress(`SSE: ${v} subscribers`);
      const p = await ssePhase(o.url, v, o.commits, server.pid, admin);
      sse.push(p);
      reportSse(p);
      loadLine();
      out();
      // From the last snapshot on: the view's first load is not its per-minute cost.
      windows.push({ label: `SSE ${v}`, fromMs: p.connectedAt, toMs: p.endedAt });
    }
  }
  if (o.phases.has("poll")) {
    for (const [i, v] of o.viewers.entries()) {
      progress(`poll: ${v} viewers`);
      const plan = { viewers: v, warmupS: o.warmupS, seconds: o.seconds, intervalS: o.intervalS, seed: o.seed + i };
      const p = await pollPhase(o.url, plan, server.pid);
      poll.push(p);
      reportPoll(p, plan);
      loadLine();
      out();
      windows.push({ label: `poll ${v}`, fromMs: p.fromMs, toMs: p.toMs });
    }
  }
  if (sampler) {
    await sleep(2_000); // statements created at a window's end are listed for a while after
    await sampler.stop();
    let batches: Batch[] | undefined;
    try {
      batches = admin ? await readBatches(admin, Math.min(...windows.map((w) => w.fromMs)) - 60_000) : undefined;
    } catch {
      batches = undefined;
    }
    stmts = reportStatements(windows, sampler, dashboardPatterns(), batches);
  }
  if (o.phases.has("burst")) {
    progress("burst");
    burst = await burstPhase(
      o.url,
      {
        size: o.burstSize,
        everyS: o.burstEveryS,
        seconds: o.burstSeconds,
        viewers: o.burstViewers,
        intervalS: o.intervalS,
        warmupS: o.warmupS,
        beforeS: Math.min(30, o.seconds),
        afterS: 15,
        seed: o.seed,
      },
      server.pid,
      admin,
    );
    reportBurst(burst);
    loadLine();
    out();
  }
  if (o.phases.has("chart")) {
    progress("first chart");
    try {
      chart = await chartPhase(o.url, o.chromium, o.chartRuns);
      reportChart(chart);
    } catch (err) {
      out(`## 5. Time to first chart: n/a (${err instanceof Error ? err.message.split("\n")[0] : String(err)})`);
      out();
    }
  }
  summary(sse, poll, stmts, burst, chart);
  out(`  runtime: ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(`[bench] error: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
