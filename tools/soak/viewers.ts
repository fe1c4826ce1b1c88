/**
 * The soak's dashboard viewers: each polls what the Pulse page polls (tools/bench/dashboard/routes.ts)
 * every few seconds, with the page's own retry policy (components/providers.tsx: two retries, after
 * 1 s and 2 s, as react-query waits by default). A request is answered when an attempt gets data
 * (200, or 304 for the data it already has; fresh or stale, the API says its age); it failed when
 * every attempt did. Attempts that failed and were retried are counted too.
 */
import { Rng } from "../../lib/pipeline/simulator/rng";
import { PULSE_ROUTES } from "../bench/dashboard/routes";

const RETRY_DELAYS_MS = [1_000, 2_000];
const ATTEMPT_TIMEOUT_MS = 30_000;

export interface ViewerFailure {
  readonly atMs: number;
  readonly route: string;
  readonly last: string;
}

export interface ViewerTally {
  answered: number;
  failed: number;
  retriedAttempts: number;
  readonly failures: ViewerFailure[];
}

async function attempt(url: string, etag: string | undefined): Promise<{ ok: boolean; etag?: string; what: string }> {
  try {
    const res = await fetch(url, {
      headers: { Accept: "application/json", ...(etag ? { "If-None-Match": etag } : {}) },
      signal: AbortSignal.timeout(ATTEMPT_TIMEOUT_MS),
    });
    await res.arrayBuffer();
    if (res.status === 200 || res.status === 304) return { ok: true, etag: res.headers.get("etag") ?? etag, what: String(res.status) };
    return { ok: false, what: `HTTP ${res.status}` };
  } catch (err) {
    const cause = (err as { cause?: { code?: string } }).cause?.code;
    return { ok: false, what: cause ?? (err instanceof Error ? err.name : String(err)) };
  }
}

/** Runs `count` viewers polling every `everyMs` until `stopped()`; the tally fills as they go. */
export function runViewers(base: string, count: number, everyMs: number, stopped: () => boolean, tally: ViewerTally): Promise<void> {
  const rng = new Rng(11, "soak-viewers");
  const viewer = async (offsetMs: number) => {
    const etags = new Map<string, string>();
    await new Promise((r) => setTimeout(r, offsetMs));
    while (!stopped()) {
      const started = Date.now();
      await Promise.all(
        PULSE_ROUTES.map(async (route) => {
          const url = new URL(route.path, base).toString();
          let last = "";
          for (let k = 0; k <= RETRY_DELAYS_MS.length; k++) {
            if (k > 0) {
              tally.retriedAttempts += 1;
              await new Promise((r) => setTimeout(r, RETRY_DELAYS_MS[k - 1]));
            }
            const a = await attempt(url, etags.get(route.name));
            if (a.ok) {
              if (a.etag) etags.set(route.name, a.etag);
              tally.answered += 1;
              return;
            }
            last = a.what;
          }
          tally.failed += 1;
          tally.failures.push({ atMs: started, route: route.name, last });
        }),
      );
      await new Promise((r) => setTimeout(r, Math.max(0, started + everyMs - Date.now())));
    }
  };
  // Spread evenly over the period (with a little jitter), so some viewer asks every everyMs / count:
  // an outage of a few seconds is seen, not missed between polls.
  return Promise.all(Array.from({ length: count }, (_, i) => viewer(((i + rng.next() * 0.5) / count) * everyMs))).then(() => undefined);
}
