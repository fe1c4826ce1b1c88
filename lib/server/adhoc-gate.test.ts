import assert from "node:assert/strict";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, test } from "node:test";
import { AdhocGate, adhocCapacity, isAdhocRequest } from "./adhoc-gate";
import { admissionOptions } from "./admission";

const FROM = "2026-11-20T10:00:00.000Z";
const TO = "2026-11-20T11:00:00.000Z";
const CUSTOM = `/api/pulse/series?range=custom&from=${FROM}&to=${TO}`;

test("custom ranges of the three routes that answer them within a deadline are adhoc; presets, bad input and other routes are not", () => {
  assert.equal(isAdhocRequest("GET", CUSTOM), true);
  // from and to alone mean a custom range, as the route's schema reads them.
  assert.equal(isAdhocRequest("GET", `/api/pulse/kpis?from=${FROM}&to=${TO}`), true);
  assert.equal(isAdhocRequest("GET", `/api/pulse/top-videos?from=${FROM}&to=${TO}`), true);
  assert.equal(isAdhocRequest("GET", "/api/pulse/series?range=24h"), false);
  assert.equal(isAdhocRequest("GET", "/api/pulse/series"), false);
  assert.equal(isAdhocRequest("GET", "/api/pulse/kpis?range=1h&category=Music"), false);
  // Not parseable: Next answers the 400, so it is never counted or refused here.
  assert.equal(isAdhocRequest("GET", `/api/pulse/series?range=custom&from=${TO}&to=${FROM}`), false);
  assert.equal(isAdhocRequest("GET", "/api/pulse/series?range=custom&from=x&to=y"), false);
  assert.equal(isAdhocRequest("GET", "/api/pulse/top-videos"), false);
  assert.equal(isAdhocRequest("GET", `/api/pulse/top-videos?from=${FROM}&to=2026-11-22T11:00:00.000Z`), false);
  assert.equal(isAdhocRequest("GET", `/api/pulse/trending?from=${FROM}&to=${TO}`), false);
  assert.equal(isAdhocRequest("GET", `/api/pulse/series/baseline?compare=day&from=${FROM}&to=${TO}`), false);
  assert.equal(isAdhocRequest("POST", CUSTOM), false);
  assert.equal(isAdhocRequest("GET", `/?range=custom&from=${FROM}&to=${TO}`), false);
});

test("the capacity is what admission runs and queues for custom ranges: K/2 running plus 2K waiting", () => {
  const opts = (k: number) => admissionOptions({ maxRunning: k, adhocDeadlineMs: 800, sharedDeadlineMs: 5_000 });
  assert.equal(adhocCapacity(opts(4)), 2 + 8);
  assert.equal(adhocCapacity(opts(1)), 1 + 2);
  assert.throws(() => new AdhocGate(0), /capacity of at least 1/);
});

// A real HTTP server with the gate in front: what passes it waits until the test releases it (as a
// slow query would keep it inside Next), then gets a 200.
const gate = new AdhocGate(2);
const held: (() => void)[] = [];
let server: http.Server;
let base: string;
before(async () => {
  server = http.createServer((req, res) => {
    if (gate.refuse(req, res)) return;
    held.push(() => res.writeHead(200).end("from Next"));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => server.close());

interface Got {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

function get(path: string): Promise<Got> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${base}${path}`, { agent: false }, (res) => {
      let body = "";
      res.on("data", (c: Buffer) => {
        body += c.toString();
      });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

async function until(what: string, cond: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !cond(); i++) await new Promise((r) => setTimeout(r, 5));
  assert.ok(cond(), what);
}

test("beyond its capacity a custom range is answered 503 with Retry-After at once; a preset still goes through; a finished one frees its place", async () => {
  const first = get(CUSTOM);
  const second = get(`/api/pulse/kpis?from=${FROM}&to=${TO}`);
  await until("two custom ranges inside", () => gate.inFlight === 2);

  const refused = await get(`/api/pulse/top-videos?from=${FROM}&to=${TO}`);
  assert.equal(refused.status, 503);
  assert.equal(refused.headers["retry-after"], "2");
  assert.equal(refused.headers["cache-control"], "no-store");
  assert.equal(refused.headers["content-type"], "application/json");
  assert.deepEqual(JSON.parse(refused.body), { error: "the dashboard is busy (2 custom ranges in progress, at most 2); try again in 2 s" });
  assert.equal(gate.refused, 1);

  // A shared view is not the gate's business, however many custom ranges are inside.
  const preset = get("/api/pulse/series?range=24h");
  await until("the preset inside", () => held.length === 3);
  assert.equal(gate.inFlight, 2);

  held.shift()!();
  assert.equal((await first).status, 200);
  await until("a place freed", () => gate.inFlight === 1);
  const third = get(CUSTOM);
  await until("the next custom range inside", () => gate.inFlight === 2);
  for (const release of held.splice(0)) release();
  assert.deepEqual(
    (await Promise.all([second, preset, third])).map((g) => g.status),
    [200, 200, 200],
  );
  await until("all places free", () => gate.inFlight === 0);
});

test("a client that gives up frees its place too", async () => {
  const req = http.request(`${base}${CUSTOM}`, { agent: false });
  req.on("error", () => undefined);
  req.end();
  await until("inside", () => gate.inFlight === 1);
  req.destroy();
  await until("freed when the connection closed", () => gate.inFlight === 0);
  held.splice(0);
});
