import "server-only";
/**
 * Polling answers that cost almost nothing while the data has not moved. A result computed at a
 * known data version (meta.version, from the live watcher) is serialized once per version and URL
 * into the poll cache (poll-cache.ts), and those bytes are sent to every poller; a poller that
 * already has them (If-None-Match equal to the ETag) gets a bodiless 304. Once stored, the
 * dashboard's HTTP server answers that URL from the cache itself until the version moves on, so
 * this route runs about once per URL per commit. Results without a version (no healthy watcher)
 * or stale ones are serialized per request and never stored.
 *
 * Bodies answered here are compressed by Next's server, which drops a route's own
 * Content-Encoding header: pre-gzipped bytes would reach browsers gzipped twice. The fast path
 * sends its once-gzipped bytes itself.
 */
import type { Envelope } from "../dashboard/envelope";
import { errorResponse } from "./api";
import { dataVersion } from "./live/versions";
import { etagOf, storePayload, versionedHeaders } from "./poll-cache";
import { trinoFailure } from "./trino-state";

/** A stored answer stays servable while its version is a current one and Trino's newest call succeeded. */
const stillCurrent = (version: string) => () => (dataVersion("rt") === version || dataVersion("daily") === version) && trinoFailure() === undefined;

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
  const headers = versionedHeaders(etag);
  if (request.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers });
  const url = new URL(request.url);
  const body = storePayload(`${url.pathname}${url.search}`, etag, result, stillCurrent(version)).json;
  return new Response(new Uint8Array(body.buffer as ArrayBuffer, body.byteOffset, body.byteLength), {
    headers: { ...headers, "Content-Type": "application/json" },
  });
}
