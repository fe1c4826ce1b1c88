/**
 * Simulated viewers polling the Pulse page's routes like a browser on the polling fallback: one
 * timer per viewer (first tick jittered over one interval by a seeded generator, so runs repeat),
 * all routes fetched together each tick, each with `If-None-Match` of the ETag that viewer last got
 * for it (the browser's HTTP cache) and `Accept-Encoding: gzip`. A route still loading when its next
 * tick comes is not fetched twice (counted as skipped), as react-query does.
 */
import type http from "node:http";
import { Rng } from "../../../lib/pipeline/simulator/rng";
import { PULSE_ROUTES, type RouteName } from "../dashboard/routes";
import { sleep } from "../report";
import { maximum, percentile } from "../stats";
import { type HttpResult, timedGet } from "./http-client";
import { nowMs } from "./sse-subscriber";

export const POLL_TIMEOUT_MS = 30_000;

export interface PollSample extends HttpResult {
  readonly route: RouteName;
  /** When the request was sent, epoch ms. */
  readonly sentAt: number;
}

export interface PollRun {
  readonly samples: PollSample[];
  skipped: number;
}

export interface PollerPlan {
  readonly viewers: number;
  readonly intervalS: number;
  readonly seed: number;
}

/**
 * Runs the viewers from now until `until()` (read before each tick) has passed; resolves when the
 * last request has answered.
 */
export async function runPollers(base: string, plan: PollerPlan, agent: http.Agent, until: () => number): Promise<PollRun> {
  const random = new Rng(plan.seed, "bench-live-poll-jitter");
  const intervalMs = plan.intervalS * 1000;
  const t0 = nowMs();
  const run: PollRun = { samples: [], skipped: 0 };
  const inFlight = new Set<Promise<void>>();
  const viewer = async (offsetMs: number): Promise<void> => {
    const etags = new Map<RouteName, string>();
    const busy = new Set<RouteName>();
    for (let k = 0; ; k++) {
      const at = t0 + offsetMs + k * intervalMs;
      if (at >= until()) return;
      await sleep(at - nowMs());
      for (const route of PULSE_ROUTES) {
        if (busy.has(route.name)) {
          run.skipped += 1;
          continue;
        }
        busy.add(route.name);
        const etag = etags.get(route.name);
        const headers: Record<string, string> = { Accept: "application/json", "Accept-Encoding": "gzip", ...(etag ? { "If-None-Match": etag } : {}) };
        const sentAt = nowMs();
        const p: Promise<void> = timedGet(new URL(route.path, base), { agent, headers, timeoutMs: POLL_TIMEOUT_MS }).then((r) => {
          if (r.status === 200 && r.etag) etags.set(route.name, r.etag);
          run.samples.push({ ...r, route: route.name, sentAt });
          busy.delete(route.name);
          inFlight.delete(p);
        });
        inFlight.add(p);
      }
    }
  };
  await Promise.all(Array.from({ length: plan.viewers }, () => viewer(random.next() * intervalMs)));
  await Promise.all([...inFlight]);
  return run;
}

export const isError = (s: PollSample) => s.status === 0 || s.status >= 400;

export interface PollStats {
  readonly requests: number;
  readonly p50: number;
  readonly p95: number;
  readonly max: number;
  readonly ok200: number;
  readonly notModified304: number;
  /** Network errors, timeouts and statuses >= 400. */
  readonly errors: number;
  readonly retried: number;
  /** Mean body bytes on the wire per request (0 for a 304). */
  readonly bytesPerRequest: number;
  /** Mean body bytes of the 200 answers. */
  readonly bytesPer200: number;
}

export function pollStats(samples: readonly PollSample[]): PollStats {
  const ms = samples.map((s) => s.ms);
  const ok = samples.filter((s) => s.status === 200);
  const bytes = samples.reduce((a, s) => a + s.bodyBytes, 0);
  return {
    requests: samples.length,
    p50: percentile(ms, 50),
    p95: percentile(ms, 95),
    max: maximum(ms),
    ok200: ok.length,
    notModified304: samples.filter((s) => s.status === 304).length,
    errors: samples.filter(isError).length,
    retried: samples.filter((s) => s.retried).length,
    bytesPerRequest: samples.length ? bytes / samples.length : NaN,
    bytesPer200: ok.length ? ok.reduce((a, s) => a + s.bodyBytes, 0) / ok.length : NaN,
  };
}

/** "3 x series: HTTP 503; 1 x kpis: ECONNRESET: ..." for the report. */
export function describeErrors(samples: readonly PollSample[], limit = 8): string {
  const counts = new Map<string, number>();
  for (const s of samples.filter(isError)) {
    const key = `${s.route}: ${s.status === 0 ? (s.error ?? "error") : `HTTP ${s.status}`}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  if (counts.size === 0) return "none";
  const sorted = [...counts].sort((a, b) => b[1] - a[1]);
  return `${sorted
    .slice(0, limit)
    .map(([k, v]) => `${v} x ${k}`)
    .join("; ")}${sorted.length > limit ? `; ${sorted.length - limit} more kinds` : ""}`;
}
