/**
 * Section 2: N simulated viewers on the polling fallback (pollers.ts), measured for --seconds after a
 * warm-up in which each has fetched every route at least once (so it holds ETags, as a browser that
 * has the page open does). Reported per route and overall: request rate, latency, 200 vs 304,
 * errors and body bytes per request; and the dashboard server's RSS and CPU meanwhile.
 */
import { monitorEventLoopDelay } from "node:perf_hooks";
import { PULSE_ROUTES } from "../dashboard/routes";
import { int, ms1 } from "../format";
import { out, progress, sleep } from "../report";
import { labelThenFigures, table } from "../table";
import { pollingAgent } from "./http-client";
import { describeErrors, type PollSample, type PollStats, pollStats, runPollers } from "./pollers";
import { cpuLine, mib, ProcessSampler, readProcess, type ServerUsage } from "./server-process";
import { nowMs } from "./sse-subscriber";

export interface PollPhase {
  readonly viewers: number;
  /** The measured window (after the warm-up), epoch ms. */
  readonly fromMs: number;
  readonly toMs: number;
  readonly measured: readonly PollSample[];
  readonly warmup: readonly PollSample[];
  readonly skipped: number;
  readonly server: ServerUsage;
  readonly afterRssKb: number | undefined;
  readonly loopP99Ms: number;
  readonly loopMaxMs: number;
  readonly clientCpuPct: number;
}

export interface PollPlan {
  readonly viewers: number;
  readonly warmupS: number;
  readonly seconds: number;
  readonly intervalS: number;
  readonly seed: number;
}

export async function pollPhase(base: string, plan: PollPlan, pid: number | undefined): Promise<PollPhase> {
  const agent = pollingAgent(plan.viewers * PULSE_ROUTES.length);
  const sampler = new ProcessSampler(pid);
  const loop = monitorEventLoopDelay({ resolution: 10 });
  const start = nowMs();
  // Every viewer's first tick falls within one interval: the warm-up covers it plus the given seconds.
  const fromMs = start + Math.max(plan.warmupS, plan.intervalS) * 1000;
  const toMs = fromMs + plan.seconds * 1000;
  let cpu0 = process.cpuUsage();
  const measuring = (async () => {
    await sleep(fromMs - nowMs());
    sampler.start();
    loop.enable();
    cpu0 = process.cpuUsage();
    progress(`poll ${plan.viewers}: warm-up done, measuring ${plan.seconds} s`);
  })();
  const run = await runPollers(base, plan, agent, () => toMs);
  await measuring;
  const server = sampler.stop();
  loop.disable();
  const cpu = process.cpuUsage(cpu0);
  const endedAt = nowMs();
  agent.destroy();
  await sleep(5_000);
  const after = pid === undefined ? undefined : readProcess(pid);
  return {
    viewers: plan.viewers,
    fromMs,
    toMs,
    measured: run.samples.filter((s) => s.sentAt >= fromMs),
    warmup: run.samples.filter((s) => s.sentAt < fromMs),
    skipped: run.skipped,
    server,
    afterRssKb: after?.rssKb,
    loopP99Ms: loop.percentile(99) / 1e6,
    loopMaxMs: loop.max / 1e6,
    clientCpuPct: (100 * (cpu.user + cpu.system)) / 1000 / (endedAt - fromMs),
  };
}

const pct = (x: number) => (Number.isFinite(x) ? `${x.toFixed(1)} %` : "n/a");

export function statsRow(label: string, s: PollStats, seconds: number): string[] {
  return [
    label,
    int(s.requests),
    (s.requests / seconds).toFixed(1),
    ms1(s.p50),
    ms1(s.p95),
    ms1(s.max),
    int(s.ok200),
    int(s.notModified304),
    int(s.errors),
    Number.isFinite(s.bytesPerRequest) ? int(s.bytesPerRequest) : "n/a",
    Number.isFinite(s.bytesPer200) ? int(s.bytesPer200) : "n/a",
  ];
}

export const STATS_HEADERS = ["route", "requests", "req/s", "p50 ms", "p95 ms", "max ms", "200", "304", "errors", "bytes/req", "bytes/200"];

export function reportPoll(p: PollPhase, plan: PollPlan): void {
  const seconds = (p.toMs - p.fromMs) / 1000;
  out(
    `## 2. Polling: ${p.viewers} viewer${p.viewers === 1 ? "" : "s"} polling ${PULSE_ROUTES.map((r) => r.path).join(", ")} every ${plan.intervalS} s (If-None-Match, Accept-Encoding: gzip), ${plan.seconds} s after a ${Math.max(plan.warmupS, plan.intervalS)} s warm-up`,
  );
  out();
  const rows = [
    ...PULSE_ROUTES.map((r) => statsRow(r.path, pollStats(p.measured.filter((s) => s.route === r.name)), seconds)),
    statsRow("all", pollStats(p.measured), seconds),
  ];
  for (const l of table(STATS_HEADERS, rows, labelThenFigures(STATS_HEADERS.length))) out(`  ${l}`);
  out();
  const all = pollStats(p.measured);
  out(`  errors: ${describeErrors(p.measured)}; retried once after the server closed an idle kept-alive socket: ${all.retried}`);
  out(`  skipped (previous request of that route still loading at the next tick): ${p.skipped} (warm-up included)`);
  out(`  warm-up (not counted): ${p.warmup.length} requests; errors: ${describeErrors(p.warmup)}`);
  out(`  bytes = response body on the wire (gzip when the server compressed it), headers not counted`);
  out(
    `  dashboard server (listener): RSS before ${mib(p.server.before?.rssKb)}, max during ${mib(p.server.maxRssKb)}, 5 s after ${mib(p.afterRssKb)}; ${cpuLine(p.server)}`,
  );
  out(`  load generator: CPU ${pct(p.clientCpuPct)} of a core, event-loop delay p99 ${ms1(p.loopP99Ms)} ms, max ${ms1(p.loopMaxMs)} ms`);
  out();
}
