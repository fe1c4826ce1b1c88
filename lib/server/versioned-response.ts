import "server-only";
/**
 * Polling answers that cost almost nothing while the data has not moved. A result computed at a
 * known data version (meta.version, from the live watcher) is serialized once per version and URL,
 * and those bytes are sent to every poller; a poller that already has them (If-None-Match equal to
 * the ETag) gets a bodiless 304, so a body is sent, and compressed, about once per commit per
 * poller. Compression is left to Next's server: it drops a route's own Content-Encoding header and
 * compresses the body again, so pre-gzipped bytes would reach browsers gzipped twice. Results
 * without a version (no healthy watcher) or stale ones are serialized per request, as before.
 */
import type { Envelope } from "../dashboard/envelope";
import { errorResponse } from "./api";

interface Payload {
  readonly etag: string;
  readonly json: Buffer;
}

/** Bound on cached payloads (distinct URLs); least recently used go first. */
const MAX_PAYLOADS = 1000;
const key = Symbol.for("pulse.dashboard.payloads");
type Holder = { [key]?: Map<string, Payload> };
const payloads = () => {
  const holder = globalThis as Holder;
  holder[key] ??= new Map();
  return holder[key];
};

/** A weak ETag: equal bodies for one URL and version, whatever their encoding. */
export const etagOf = (version: string) => `W/"${version}"`;

function payloadFor(url: string, etag: string, body: unknown): Payload {
  const cache = payloads();
  const hit = cache.get(url);
  if (hit && hit.etag === etag) {
    cache.delete(url);
    cache.set(url, hit);
    return hit;
  }
  const json = Buffer.from(JSON.stringify(body));
  const p: Payload = { etag, json };
  cache.set(url, p);
  while (cache.size > MAX_PAYLOADS) cache.delete(cache.keys().next().value as string);
  return p;
}

export async function respondVersioned(request: Request, work: () => Promise<Envelope<unknown>>): Promise<Response> {
  let result: Envelope<unknown>;
  try {
    result = await work();
  } catch (err) {
    return errorResponse(err);
  }
  const version = result.meta.stale ? undefined : result.meta.version;
  if (version === undefined) return Response.json(result, { headers: { "Cache-Control": "no-store" } });
  const etag = etagOf(version);
  // Revalidate on every poll (no-cache), never serve from a cache without asking.
  const headers: Record<string, string> = { ETag: etag, "Cache-Control": "no-cache", Vary: "Accept-Encoding" };
  if (request.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers });
  const url = new URL(request.url);
  const payload = payloadFor(`${url.pathname}${url.search}`, etag, result);
  const body = payload.json;
  return new Response(new Uint8Array(body.buffer as ArrayBuffer, body.byteOffset, body.byteLength), {
    headers: { ...headers, "Content-Type": "application/json" },
  });
}
