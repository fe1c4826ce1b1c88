/**
 * Section 4: one client fires distinct custom ranges (/api/pulse/series?from=..&to=.., ranges.ts)
 * while ordinary viewers poll the default view (pollers.ts).
 *
 * Shape: --burst-size ranges at once, then again every --burst-every s for --burst-seconds s (by
 * default 300 every 10 s for 70 s: seven bursts, 2,100 distinct ranges). Each wave is the issue's
 * scenario as it stands (300 distinct ranges at once from one client), and repeating it for 70 s
 * makes the burst overlap at least one micro-batch (they start once a minute). Waves, rather than
 * keeping 300 in flight and refilling as answers come, keep the load the same whatever the server
 * does: a server that sheds load in milliseconds would otherwise be sent tens of thousands of
 * requests, and one that hangs for 20 s only a few hundred, so the two runs would not compare.
 *
 * Measured: each burst request's status and time to answer (data, or 503 with or without
 * Retry-After); the viewers' latency before, during and after the burst; and the micro-batches that
 * ran during the burst against the median of the 30 before it (meta.job_checkpoints).
 */

import { Rng } from "../../../lib/pipeline/simulator/rng";
import type { TrinoConnection } from "../../../lib/trino/client";
import { int, ms1, ratio2 } from "../format";
import { out, progress, sleep } from "../report";
import { maximum, median, percentile } from "../stats";
import { labelThenFigures, table } from "../table";
import { type Batch, batchesBefore, durationMs, overlapping, readBatches } from "./batches";
import { type HttpResult, pollingAgent, timedGet } from "./http-client";
import { STATS_HEADERS, statsRow } from "./poll-phase";
import { describeErrors, type PollSample, pollStats, runPollers } from "./pollers";
import { distinctRanges, rangeQuery } from "./ranges";
import { cpuLine, mib, ProcessSampler, type ServerUsage } from "./server-process";
import { nowMs } from "./sse-subscriber";

const BURST_TIMEOUT_MS = 60_000;
const BASELINE_BATCHES = 30;
/** The target: data or a 503 with Retry-After within 1 s. */
const ANSWER_WITHIN_MS = 1_000;

export interface BurstPlan {
  readonly size: number;
  readonly everyS: number;
  readonly seconds: number;
  readonly viewers: number;
  readonly intervalS: number;
  readonly warmupS: number;
  readonly beforeS: number;
  readonly afterS: number;
  readonly seed: number;
}

export interface BurstSample extends HttpResult {
  readonly wave: number;
  readonly sentAt: number;
}

export interface BatchComparison {
  readonly during: readonly Batch[];
  readonly baseline: readonly Batch[];
  readonly medianMs: number;
  readonly error?: string;
}

export interface BurstPhase {
  readonly plan: BurstPlan;
  /** First burst request sent .. last burst answer, epoch ms. */
  readonly fromMs: number;
  readonly toMs: number;
  readonly beforeFromMs: number;
  readonly afterToMs: number;
  readonly samples: readonly BurstSample[];
  readonly viewerSamples: readonly PollSample[];
  readonly batches: BatchComparison | undefined;
  readonly server: ServerUsage;
}

export async function burstPhase(base: string, plan: BurstPlan, pid: number | undefined, admin: TrinoConnection | undefined): Promise<BurstPhase> {
  const viewerAgent = pollingAgent(Math.max(1, plan.viewers * 3));
  const burstAgent = pollingAgent(Number.POSITIVE_INFINITY);
  let stopAt = Number.POSITIVE_INFINITY;
  const start = nowMs();
  const viewers =
    plan.viewers > 0 ? runPollers(base, { viewers: plan.viewers, intervalS: plan.intervalS, seed: plan.seed }, viewerAgent, () => stopAt) : undefined;
  const beforeFromMs = start + Math.max(plan.warmupS, plan.intervalS) * 1000;
  const fromMs = beforeFromMs + plan.beforeS * 1000;
  progress(`burst: ${plan.viewers} viewers polling; the burst starts in ${((fromMs - start) / 1000).toFixed(0)} s`);
  await sleep(fromMs - nowMs());
  const sampler = new ProcessSampler(pid);
  sampler.start();

  const rng = new Rng(plan.seed, "bench-live-burst");
  const seen = new Set<string>();
  const pending: Promise<BurstSample>[] = [];
  let answered = 0;
  for (let wave = 0; wave * plan.everyS < plan.seconds; wave++) {
    await sleep(fromMs + wave * plan.everyS * 1000 - nowMs());
    const ranges = distinctRanges(plan.size, Date.now(), rng, seen);
    const w = wave;
    for (const r of ranges) {
      const sentAt = nowMs();
      pending.push(
        timedGet(new URL(`/api/pulse/series?${rangeQuery(r)}`, base), {
          agent: burstAgent,
          headers: { Accept: "application/json", "Accept-Encoding": "gzip" },
          timeoutMs: BURST_TIMEOUT_MS,
        }).then((res) => {
          answered += 1;
          return { ...res, wave: w, sentAt };
        }),
      );
    }
    progress(`burst: wave ${wave + 1} sent (${ranges.length} distinct ranges, ${seen.size} in all; ${answered} answered so far)`);
  }
  const samples = await Promise.all(pending);
  const toMs = nowMs();
  const server = sampler.stop();
  stopAt = toMs + plan.afterS * 1000;
  progress(`burst: last answer ${((toMs - fromMs) / 1000).toFixed(1)} s after the first request; viewers go on ${plan.afterS} s`);
  const viewerRun = viewers ? await viewers : { samples: [], skipped: 0 };
  viewerAgent.destroy();
  burstAgent.destroy();
  const batches = admin ? await compareBatches(admin, fromMs, toMs) : undefined;
  return { plan, fromMs, toMs, beforeFromMs, afterToMs: stopAt, samples, viewerSamples: viewerRun.samples, batches, server };
}

/** Reads the batches around the burst, waiting (up to 2 min) for those that ran during it to commit. */
async function compareBatches(admin: TrinoConnection, fromMs: number, toMs: number): Promise<BatchComparison> {
  const since = fromMs - 45 * 60_000;
  try {
    for (let attempt = 0; ; attempt++) {
      const all = await readBatches(admin, since);
      const during = overlapping(all, fromMs, toMs);
      if (during.every((b) => b.committedMs !== null) || attempt >= 24) {
        const baseline = batchesBefore(all, fromMs, BASELINE_BATCHES);
        return { during, baseline, medianMs: median(baseline.map(durationMs)) };
      }
      progress(`burst: waiting for batch ${during.find((b) => b.committedMs === null)?.batchId} to commit`);
      await sleep(5_000);
    }
  } catch (err) {
    return { during: [], baseline: [], medianMs: NaN, error: err instanceof Error ? err.message : String(err) };
  }
}

type Outcome = "200 data" | "503 + Retry-After" | "503 without Retry-After" | "other HTTP status" | "network error/timeout";

export function outcomeOf(s: HttpResult): Outcome {
  if (s.status === 0) return "network error/timeout";
  if (s.status === 200) return "200 data";
  if (s.status === 503) return s.retryAfter !== undefined ? "503 + Retry-After" : "503 without Retry-After";
  return "other HTTP status";
}

const OUTCOMES: readonly Outcome[] = ["200 data", "503 + Retry-After", "503 without Retry-After", "other HTTP status", "network error/timeout"];
const pct = (x: number) => (Number.isFinite(x) ? `${x.toFixed(1)} %` : "n/a");
const offset = (ms: number | null, from: number) => (ms === null ? "n/a" : `${((ms - from) / 1000).toFixed(1)} s`);

export function reportBurst(p: BurstPhase): void {
  const { plan } = p;
  const waves = Math.ceil(plan.seconds / plan.everyS);
  out(
    `## 4. Burst: ${int(p.samples.length)} distinct custom ranges on /api/pulse/series?from=..&to=.. (${plan.size} at once every ${plan.everyS} s for ${plan.seconds} s: ${waves} waves) while ${plan.viewers} viewers poll the default view`,
  );
  out();
  out(`  burst window: first request to last answer ${((p.toMs - p.fromMs) / 1000).toFixed(1)} s`);
  const rows = [...OUTCOMES, "all" as const].flatMap((o) => {
    const ss = o === "all" ? p.samples : p.samples.filter((s) => outcomeOf(s) === o);
    if (ss.length === 0 && o !== "all") return [];
    const ms = ss.map((s) => s.ms);
    return [
      [
        o,
        int(ss.length),
        ms1(percentile(ms, 50)),
        ms1(percentile(ms, 95)),
        ms1(maximum(ms)),
        pct((100 * ss.filter((s) => s.ms <= ANSWER_WITHIN_MS).length) / ss.length),
      ],
    ];
  });
  for (const l of table(["answer", "requests", "p50 ms", "p95 ms", "max ms", "within 1 s"], rows, labelThenFigures(6))) out(`  ${l}`);
  out();
  const waveRows = Array.from({ length: waves }, (_, w) => {
    const ss = p.samples.filter((s) => s.wave === w);
    const ms = ss.map((s) => s.ms);
    const count = (o: Outcome) => int(ss.filter((s) => outcomeOf(s) === o).length);
    return [
      `wave ${w + 1}`,
      int(ss.length),
      count("200 data"),
      count("503 + Retry-After"),
      count("503 without Retry-After"),
      ms1(percentile(ms, 95)),
      ms1(maximum(ms)),
    ];
  });
  for (const l of table(["", "sent", "200", "503+RA", "503 no RA", "p95 ms", "max ms"], waveRows, labelThenFigures(7))) out(`  ${l}`);
  const other = p.samples.filter((s) => ["other HTTP status", "network error/timeout"].includes(outcomeOf(s)));
  if (other.length) out(`  other answers: ${[...new Set(other.map((s) => (s.status ? `HTTP ${s.status}` : s.error)))].slice(0, 5).join("; ")}`);
  const retryAfter = [...new Set(p.samples.flatMap((s) => (s.retryAfter === undefined ? [] : [s.retryAfter])))];
  if (retryAfter.length) out(`  Retry-After values: ${retryAfter.join(", ")}`);
  out();

  const windows: [string, number, number][] = [
    [`before (${((p.fromMs - p.beforeFromMs) / 1000).toFixed(0)} s)`, p.beforeFromMs, p.fromMs],
    [`during (${((p.toMs - p.fromMs) / 1000).toFixed(0)} s)`, p.fromMs, p.toMs],
    [`after (${((p.afterToMs - p.toMs) / 1000).toFixed(0)} s)`, p.toMs, p.afterToMs],
  ];
  out(`  the ${plan.viewers} ordinary viewers (all routes; by when each request was sent):`);
  const vrows = windows.map(([label, from, to]) =>
    statsRow(label, pollStats(p.viewerSamples.filter((s) => s.sentAt >= from && s.sentAt < to)), (to - from) / 1000),
  );
  const headers = ["window", ...STATS_HEADERS.slice(1)];
  for (const l of table(headers, vrows, labelThenFigures(headers.length))) out(`  ${l}`);
  out(`  viewers' errors during the burst: ${describeErrors(p.viewerSamples.filter((s) => s.sentAt >= p.fromMs && s.sentAt < p.toMs))}`);
  out();

  const b = p.batches;
  if (!b) out("  micro-batches: n/a (no admin login to Trino)");
  else if (b.error) out(`  micro-batches: could not read meta.job_checkpoints: ${b.error}`);
  else {
    out(
      `  micro-batches (job rt_video_stats_1min, 'started' to 'committed' recorded_at): median of the ${b.baseline.length} before the burst ${ms1(b.medianMs)} ms (p95 ${ms1(percentile(b.baseline.map(durationMs), 95))} ms)`,
    );
    const rows = b.during.map((x) => [
      `b${x.batchId}`,
      offset(x.startedMs, p.fromMs),
      offset(x.committedMs, p.fromMs),
      ms1(durationMs(x)),
      `${ratio2(durationMs(x) / b.medianMs)}x`,
    ]);
    for (const l of table(["batch during the burst", "started", "committed", "duration ms", "/ median"], rows, labelThenFigures(5))) out(`  ${l}`);
    if (b.during.length === 0) out("  (no batch ran during the burst)");
    out("  (started/committed relative to the burst's first request)");
  }
  out(`  dashboard server (listener) during the burst: RSS before ${mib(p.server.before?.rssKb)}, max ${mib(p.server.maxRssKb)}; ${cpuLine(p.server)}`);
  out();
}
