import assert from "node:assert/strict";
import { test } from "node:test";
import { outcomeOf } from "./burst-phase";
import { describeErrors, type PollSample, pollStats } from "./pollers";

const sample = (route: PollSample["route"], status: number, ms: number, bodyBytes: number, extra: Partial<PollSample> = {}): PollSample => ({
  route,
  status,
  ms,
  bodyBytes,
  etag: undefined,
  retryAfter: undefined,
  contentEncoding: undefined,
  retried: false,
  sentAt: 0,
  ...extra,
});

const SAMPLES = [
  sample("series", 200, 40, 25_000),
  sample("series", 304, 5, 0),
  sample("series", 304, 7, 0, { retried: true }),
  sample("kpis", 304, 6, 0),
  sample("kpis", 503, 900, 60, { retryAfter: "5" }),
  sample("trending", 0, 30_000, 0, { error: "Error: no complete answer within 30000 ms" }),
  sample("trending", 200, 20, 1_000),
];

test("pollStats: 200 vs 304, errors (network and >= 400), bytes per request and per 200", () => {
  const s = pollStats(SAMPLES);
  assert.equal(s.requests, 7);
  assert.equal(s.ok200, 2);
  assert.equal(s.notModified304, 3);
  assert.equal(s.errors, 2); // the 503 and the timeout
  assert.equal(s.retried, 1);
  assert.equal(s.bytesPerRequest, 26_060 / 7); // 25,000 + 60 + 1,000 over 7 requests
  assert.equal(s.bytesPer200, 13_000); // (25,000 + 1,000) / 2
  // latencies sorted: 5 6 7 20 40 900 30000 -> p50 rank 4 = 20, p95 rank 7 = 30000
  assert.equal(s.p50, 20);
  assert.equal(s.p95, 30_000);
  assert.equal(s.max, 30_000);
});

test("pollStats of nothing: zero requests, n/a figures", () => {
  const s = pollStats([]);
  assert.equal(s.requests, 0);
  assert.ok(Number.isNaN(s.p95) && Number.isNaN(s.bytesPerRequest) && Number.isNaN(s.bytesPer200));
});

test("describeErrors counts each kind, most frequent first", () => {
  assert.equal(describeErrors(SAMPLES), "1 x kpis: HTTP 503; 1 x trending: Error: no complete answer within 30000 ms");
  assert.equal(describeErrors(SAMPLES.slice(0, 4)), "none");
});

test("outcomeOf sorts burst answers: data, 503 with or without Retry-After, other statuses, network errors", () => {
  assert.equal(outcomeOf(SAMPLES[0]!), "200 data");
  assert.equal(outcomeOf(SAMPLES[4]!), "503 + Retry-After");
  assert.equal(outcomeOf({ ...SAMPLES[4]!, retryAfter: undefined }), "503 without Retry-After");
  assert.equal(outcomeOf(SAMPLES[1]!), "other HTTP status");
  assert.equal(outcomeOf(SAMPLES[5]!), "network error/timeout");
});
