import assert from "node:assert/strict";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, beforeEach, test } from "node:test";
import zlib from "node:zlib";
import { answerFromPollCache, etagOf, MAX_PAYLOADS, pollPayloads, storePayload } from "./poll-cache";

// A real HTTP server whose only handler is the fast path; what it does not answer gets a 599, as
// Next would answer it in the dashboard's server.
let server: http.Server;
let base: string;
before(async () => {
  server = http.createServer((req, res) => {
    if (!answerFromPollCache(req, res)) res.writeHead(599).end("to Next");
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => server.close());
beforeEach(() => pollPayloads().clear());

interface Got {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

function get(path: string, headers: Record<string, string> = {}, method = "GET"): Promise<Got> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${base}${path}`, { method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on("error", reject);
    req.end();
  });
}

const URL_24H = "/api/pulse/kpis?range=24h";
const BODY = { data: { impressions: 1234 }, meta: { version: "b7" } };

test("a stored, current payload: 304 to a poller holding its ETag, else the JSON, gzipped once when accepted", async () => {
  let current = true;
  storePayload(URL_24H, etagOf("b7"), BODY, () => current);

  const notModified = await get(URL_24H, { "If-None-Match": 'W/"b7"' });
  assert.equal(notModified.status, 304);
  assert.equal(notModified.headers.etag, 'W/"b7"');
  assert.equal(notModified.headers["cache-control"], "no-cache");
  assert.equal(notModified.body.length, 0);

  const plain = await get(URL_24H, { "If-None-Match": 'W/"b6"' });
  assert.equal(plain.status, 200);
  assert.equal(plain.headers["content-encoding"], undefined);
  assert.equal(plain.headers["content-type"], "application/json");
  assert.deepEqual(JSON.parse(plain.body.toString()), BODY);

  const gz = await get(URL_24H, { "Accept-Encoding": "br, gzip" });
  assert.equal(gz.headers["content-encoding"], "gzip");
  assert.equal(gz.headers.vary, "Accept-Encoding");
  assert.deepEqual(JSON.parse(zlib.gunzipSync(gz.body).toString()), BODY);
  const gzipped = pollPayloads().get(URL_24H)?.gzip;
  await get(URL_24H, { "Accept-Encoding": "gzip" });
  assert.equal(pollPayloads().get(URL_24H)?.gzip, gzipped, "the gzip is made once per payload, not per request");

  // The version moved on (or Trino stopped answering): the route must answer, even a matching ETag.
  current = false;
  assert.equal((await get(URL_24H, { "If-None-Match": 'W/"b7"' })).status, 599);
});

test("only a GET of exactly a stored /api/ URL is answered here", async () => {
  storePayload(URL_24H, etagOf("b7"), BODY, () => true);
  assert.equal((await get("/api/pulse/kpis?range=1h")).status, 599, "another query string is another answer");
  assert.equal((await get("/api/pulse/kpis?range=24h&x=1")).status, 599);
  assert.equal((await get(URL_24H, {}, "POST")).status, 599);
  assert.equal((await get(URL_24H, {}, "HEAD")).status, 599);
  storePayload("/videos/v1", etagOf("b7"), BODY, () => true);
  assert.equal((await get("/videos/v1")).status, 599, "pages are Next's");
});

test("storing: the same URL and version keeps the first bytes; a new version replaces them; the least recently used go past the bound", () => {
  const first = storePayload(URL_24H, etagOf("b7"), { n: 1 }, () => true);
  assert.equal(
    storePayload(URL_24H, etagOf("b7"), { n: 2 }, () => true),
    first,
  );
  const next = storePayload(URL_24H, etagOf("b8"), { n: 3 }, () => true);
  assert.deepEqual(JSON.parse(next.json.toString()), { n: 3 });

  for (let i = 0; i < MAX_PAYLOADS; i++) storePayload(`/api/x?i=${i}`, etagOf("b8"), i, () => true);
  assert.equal(pollPayloads().size, MAX_PAYLOADS);
  assert.equal(pollPayloads().has(URL_24H), false, "the oldest entry left first");
  assert.equal(pollPayloads().has(`/api/x?i=${MAX_PAYLOADS - 1}`), true);
});
