/**
 * The polling answers' shared store, and the fast path that serves them without entering Next.
 *
 * A result computed at a known data version is serialized once per version and URL (the route,
 * versioned-response.ts, puts it here) and gzipped once, on first demand. While that version is
 * current, the dashboard's HTTP server (tools/dashboard/next-server.ts) answers a GET of that exact
 * URL from here: a bodiless 304 to a poller that already holds it, else the stored bytes. Next
 * never sees those requests. That matters at a thousand pollers: Next's own handling costs about a
 * millisecond per request, and its compression gzips every 200 again (it drops a route's own
 * Content-Encoding), which after each commit meant a thousand gzips of the 200 KB series at once.
 *
 * No `import "server-only"` here, unlike the rest of lib/server: the HTTP server loads this module
 * outside Next's server bundle, where that package throws. It holds no secrets and imports nothing.
 * Both copies of the module (Next's bundle and the HTTP server's) share one Map through globalThis.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import zlib from "node:zlib";

export interface PollPayload {
  /** Weak ETag of the data version the body was computed at. */
  readonly etag: string;
  readonly json: Buffer;
  /** gzip of `json`, made by the first request that accepts it. */
  gzip?: Buffer;
  /** Whether the version is still the current one and Trino still answers (else the route must answer). */
  readonly isCurrent: () => boolean;
}

/** Bound on stored payloads (distinct URLs); least recently used go first. */
export const MAX_PAYLOADS = 1000;
const key = Symbol.for("pulse.dashboard.payloads");
type Holder = { [key]?: Map<string, PollPayload> };

export function pollPayloads(): Map<string, PollPayload> {
  const holder = globalThis as Holder;
  holder[key] ??= new Map();
  return holder[key];
}

/** A weak ETag: equal bodies for one URL and version, whatever their encoding. */
export const etagOf = (version: string) => `W/"${version}"`;

/** Headers of every versioned answer: revalidate on each poll, never reuse without asking. */
export const versionedHeaders = (etag: string): Record<string, string> => ({ ETag: etag, "Cache-Control": "no-cache", Vary: "Accept-Encoding" });

/** The stored payload for `url` at `etag`, or a new one stored (evicting the least recently used). */
export function storePayload(url: string, etag: string, body: unknown, isCurrent: () => boolean): PollPayload {
  const cache = pollPayloads();
  const hit = cache.get(url);
  if (hit && hit.etag === etag) {
    cache.delete(url);
    cache.set(url, hit);
    return hit;
  }
  const p: PollPayload = { etag, json: Buffer.from(JSON.stringify(body)), isCurrent };
  cache.set(url, p);
  while (cache.size > MAX_PAYLOADS) cache.delete(cache.keys().next().value as string);
  return p;
}

const acceptsGzip = (header: string | string[] | undefined) => /\bgzip\b/.test(String(header ?? ""));

/**
 * Answers `req` from the store when it is a GET of a stored URL whose version is current; returns
 * false, having written nothing, when Next must answer it.
 */
export function answerFromPollCache(req: IncomingMessage, res: ServerResponse): boolean {
  if (req.method !== "GET" || !req.url?.startsWith("/api/")) return false;
  const payload = pollPayloads().get(req.url);
  if (!payload?.isCurrent()) return false;
  const headers = versionedHeaders(payload.etag);
  if (req.headers["if-none-match"] === payload.etag) {
    res.writeHead(304, headers).end();
    return true;
  }
  let body = payload.json;
  if (acceptsGzip(req.headers["accept-encoding"])) {
    payload.gzip ??= zlib.gzipSync(payload.json);
    body = payload.gzip;
    headers["Content-Encoding"] = "gzip";
  }
  res.writeHead(200, { ...headers, "Content-Type": "application/json", "Content-Length": String(body.length) }).end(body);
  return true;
}
