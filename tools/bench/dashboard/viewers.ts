/**
 * Section 3: API latency under simulated viewers, each polling the Pulse page's routes (routes.ts)
 * every interval, first polls jittered over one interval by a seeded generator so runs repeat.
 * Each phase also counts the Trino queries the server sent meanwhile (section 4).
 */
import { monitorEventLoopDelay } from "node:perf_hooks";
import { Rng } from "../../../lib/pipeline/simulator/rng";
import { int, ms1 } from "../format";
import { REQUEST_TIMEOUT_MS } from "../http";
import { out, sleep } from "../report";
import { maximum, percentile } from "../stats";
import { labelThenFigures, table } from "../table";
import { queriesSent } from "./health";
import { PULSE_ROUTES, type PulseRoute, type RouteName } from "./routes";

export interface Sample {
  readonly route: RouteName;
  readonly ms: number;
  /** 0 = network error or timeout. */
  readonly status: number;
  readonly stale: boolean;
  readonly fetchedAt: number | null;
  readonly error?: string;
}

export interface Phase {
  readonly viewers: number;
  readonly samples: readonly Sample[];
  readonly skipped: number;
  readonly windowMs: number;
  readonly queries: number;
  readonly perMinute: number;
  readonly loopP99Ms: number;
  readonly loopMaxMs: number;
}

export interface PhasePlan {
  readonly viewers: number;
  readonly seconds: number;
  readonly intervalS: number;
  readonly seed: number;
}

async function timedGet(base: string, route: PulseRoute): Promise<Sample> {
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
    return {
      route: route.name,
      ms: performance.now() - t,
      status: 0,
      stale: false,
      fetchedAt: null,
      error: err instanceof Error ? `${err.name}: ${err.message}` : String(err),
    };
  }
}

export async function viewerPhase(base: string, plan: PhasePlan): Promise<Phase> {
  const random = new Rng(plan.seed, "bench-viewer-jitter");
  const intervalMs = plan.intervalS * 1000;
  const before = await queriesSent(base);
  const windowStart = performance.now();
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const t0 = performance.now();
  const end = t0 + plan.seconds * 1000;
  const samples: Sample[] = [];
  const inFlight = new Set<Promise<void>>();
  let skipped = 0;

  // Like react-query's refetchInterval: one timer per viewer, all routes refetched together; a
  // query still loading when its next tick comes is not fetched twice (counted as skipped).
  const viewer = async (offsetMs: number): Promise<void> => {
    const busy = new Set<RouteName>();
    for (let k = 0; ; k++) {
      const at = t0 + offsetMs + k * intervalMs;
      if (at >= end) return;
      await sleep(at - performance.now());
      for (const route of PULSE_ROUTES) {
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
  await Promise.all(Array.from({ length: plan.viewers }, () => viewer(random.next() * intervalMs)));
  await Promise.all([...inFlight]);
  await sleep(end - performance.now()); // the window is at least --seconds, however the jitter fell
  loop.disable();
  const windowMs = performance.now() - windowStart;
  const queries = (await queriesSent(base)) - before;
  return {
    viewers: plan.viewers,
    samples,
    skipped,
    windowMs,
    queries,
    perMinute: queries / (windowMs / 60_000),
    loopP99Ms: loop.percentile(99) / 1e6,
    loopMaxMs: loop.max / 1e6,
  };
}

export const latencies = (samples: readonly Sample[]) => samples.map((s) => s.ms);
export const failures = (samples: readonly Sample[]) => samples.filter((s) => s.status !== 200).length;

function latencyRows(samples: readonly Sample[]): string[][] {
  const groups: [string, readonly Sample[]][] = [
    ...PULSE_ROUTES.map((r) => [r.path, samples.filter((s) => s.route === r.name)] as [string, Sample[]]),
    ["all", samples],
  ];
  return groups.map(([name, ss]) => {
    const all = latencies(ss);
    const ok = latencies(ss.filter((s) => s.status === 200));
    const distinct = new Set(ss.flatMap((s) => (s.fetchedAt === null ? [] : [`${s.route}:${s.fetchedAt}`]))).size;
    return [
      name,
      String(ss.length),
      ms1(percentile(all, 50)),
      ms1(percentile(all, 95)),
      ms1(maximum(all)),
      ms1(percentile(ok, 50)),
      String(failures(ss)),
      String(ss.filter((s) => s.stale).length),
      String(distinct),
    ];
  });
}

export function reportPhase(title: string, p: Phase, plan: PhasePlan): void {
  out(title);
  out();
  for (const l of table(
    ["route", "requests", "p50 ms", "p95 ms", "max ms", "p50 ok ms", "errors/non-200", "stale", "results"],
    latencyRows(p.samples),
    labelThenFigures(9),
  ))
    out(`  ${l}`);
  out();
  const byStatus = new Map<string, number>();
  for (const s of p.samples) {
    if (s.status === 200) continue;
    const key = `${s.route}: ${s.status === 0 ? `error (${s.error ?? "?"})` : `HTTP ${s.status}`}`;
    byStatus.set(key, (byStatus.get(key) ?? 0) + 1);
  }
  const ticks = Math.ceil(plan.seconds / plan.intervalS);
  const routes = PULSE_ROUTES.length;
  out(
    `  ${int(p.samples.length)} requests done (${p.viewers} viewer${p.viewers === 1 ? "" : "s"} x ${ticks} ticks x ${routes} routes = ${int(p.viewers * ticks * routes)} scheduled, ${p.skipped} skipped because the previous one was still loading)`,
  );
  out(`  errors/non-200: ${byStatus.size ? [...byStatus].map(([k, v]) => `${v} x ${k}`).join("; ") : "none"}`);
  out(`  results = distinct meta.fetchedAt values seen (Trino fetches observed through the API)`);
  out(`  load generator event-loop delay: p99 ${ms1(p.loopP99Ms)} ms, max ${ms1(p.loopMaxMs)} ms (client-side share of the latencies)`);
  out();
}
