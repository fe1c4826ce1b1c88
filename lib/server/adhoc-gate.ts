/**
 * The custom-range gate in front of Next: a burst of one person's custom ranges is refused in the
 * dashboard's HTTP server (tools/dashboard/next-server.ts), at about a tenth of a millisecond each,
 * instead of each request going through Next's routing, zod and the admission queue first.
 *
 * Why: Next costs about 3 ms per request on one core. A wave of 300 distinct custom ranges, which
 * admission (admission.ts) refuses all but about ten of, therefore kept the event loop busy for a
 * second or more: the refusals came late (the issue asks for data or a 503 within 1 s), and the
 * viewers of the shared views waited behind them.
 *
 * The rule: at most `capacity` custom-range requests are inside Next at once, the number admission
 * itself can hold for them (adhoc queries running plus adhoc waiters, admissionOptions). One more
 * is answered here: 503 with Retry-After, the same body shape as api.ts's admission refusal.
 * Whether a request is a custom range is decided by the routes' own zod schemas and the one
 * priority rule below, which the query modules use too. A request that does not parse is left to
 * Next, which answers its 400.
 *
 * No `import "server-only"`, like poll-cache.ts: the HTTP server loads this module outside Next's
 * server bundle, where that package throws. It holds no secrets.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { ApiErrorBody } from "../dashboard/envelope";
import { pulseRangeQuery, type RtRange, searchParamsObject, topVideosQuery } from "../dashboard/schemas";
import { type AdmissionOptions, type Priority, RETRY_AFTER_SECONDS } from "./admission";

/** A Pulse range's place in the admission queue: one person's custom range waits behind the presets everyone watches. */
export const rangePriority = (range: RtRange): Priority => (range.kind === "custom" ? "adhoc" : "shared");

/**
 * The API routes that answer custom ranges within PULSE_ADHOC_ANSWER_MS (those calling adhocAnswerBy),
 * and when a request of theirs is one: the same parse and rule as the route's.
 */
const ADHOC_ROUTES: Readonly<Record<string, (params: Record<string, unknown>) => boolean>> = {
  "/api/pulse/series": (p) => isCustomRange(p),
  "/api/pulse/kpis": (p) => isCustomRange(p),
  // A click on one chart bucket: always one person's range (top-videos.ts).
  "/api/pulse/top-videos": (p) => topVideosQuery.safeParse(p).success,
};

function isCustomRange(params: Record<string, unknown>): boolean {
  const parsed = pulseRangeQuery.safeParse(params);
  return parsed.success && rangePriority(parsed.data.range) === "adhoc";
}

/** Whether a request (method, path and query of its URL) is one person's custom range. */
export function isAdhocRequest(method: string | undefined, url: string | undefined): boolean {
  if (method !== "GET" || !url?.startsWith("/api/pulse/")) return false;
  const q = url.indexOf("?");
  const route = ADHOC_ROUTES[q < 0 ? url : url.slice(0, q)];
  return route !== undefined && q >= 0 && route(searchParamsObject(new URLSearchParams(url.slice(q + 1))));
}

/** How many custom-range requests may be inside Next at once: what admission can run and queue for them. */
export const adhocCapacity = (o: Pick<AdmissionOptions, "maxAdhocRunning" | "maxQueued">): number => o.maxAdhocRunning + o.maxQueued.adhoc;

export class AdhocGate {
  private inside = 0;
  /** Requests refused here since start, for logs and tests. */
  refused = 0;

  constructor(readonly capacity: number) {
    if (!(Number.isInteger(capacity) && capacity >= 1)) throw new RangeError(`AdhocGate needs a capacity of at least 1 (got ${capacity})`);
  }

  get inFlight(): number {
    return this.inside;
  }

  /**
   * Answers `req` with a 503 and returns true when it is a custom range and `capacity` of them are
   * already inside Next; otherwise counts it in until its response closes (answered or abandoned)
   * and returns false, having written nothing.
   */
  refuse(req: IncomingMessage, res: ServerResponse): boolean {
    if (!isAdhocRequest(req.method, req.url)) return false;
    if (this.inside >= this.capacity) {
      this.refused += 1;
      const body: ApiErrorBody = {
        error: `the dashboard is busy (${this.inside} custom ranges in progress, at most ${this.capacity}); try again in ${RETRY_AFTER_SECONDS} s`,
      };
      const json = JSON.stringify(body);
      res
        .writeHead(503, {
          "Content-Type": "application/json",
          "Content-Length": String(Buffer.byteLength(json)),
          "Cache-Control": "no-store",
          "Retry-After": String(RETRY_AFTER_SECONDS),
        })
        .end(json);
      return true;
    }
    this.inside += 1;
    res.once("close", () => {
      this.inside -= 1;
    });
    return false;
  }
}
