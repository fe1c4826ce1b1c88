import assert from "node:assert/strict";
import { test } from "node:test";
import { MAX_DELAY_MS, outcomeOf } from "./delivery-outcome";

test("2xx is delivered", () => {
  assert.deepEqual(outcomeOf({ status: 200 }, 1, 8, 2000), { kind: "delivered" });
  assert.deepEqual(outcomeOf({ status: 204 }, 8, 8, 2000), { kind: "delivered" });
});

test("failures are retried with doubling delays, then dead-lettered at the last attempt", () => {
  assert.deepEqual(outcomeOf({ status: 500 }, 1, 3, 2000), { kind: "retry", delayMs: 2000, error: "the receiver answered HTTP 500" });
  assert.deepEqual(outcomeOf({ error: "could not reach the receiver (ECONNREFUSED)" }, 2, 3, 2000), {
    kind: "retry",
    delayMs: 4000,
    error: "could not reach the receiver (ECONNREFUSED)",
  });
  assert.deepEqual(outcomeOf({ status: 503 }, 3, 3, 2000), { kind: "dead", error: "gave up after 3 attempts; the last: the receiver answered HTTP 503" });
  assert.equal((outcomeOf({ status: 500 }, 12, 20, 2000) as { delayMs: number }).delayMs, MAX_DELAY_MS);
});

test("a refusal (4xx but 408 and 429) is dead at once; 429 waits for the receiver's Retry-After", () => {
  assert.deepEqual(outcomeOf({ status: 400 }, 1, 8, 2000), {
    kind: "dead",
    error: "the receiver answered HTTP 400: the receiver refused the message, so it is not retried",
  });
  assert.equal(outcomeOf({ status: 404 }, 1, 8, 2000).kind, "dead");
  assert.deepEqual(outcomeOf({ status: 429, retryAfterSeconds: 30 }, 1, 8, 2000), { kind: "retry", delayMs: 30_000, error: "the receiver answered HTTP 429" });
  assert.equal((outcomeOf({ status: 408 }, 2, 8, 2000) as { delayMs: number }).delayMs, 4000);
  assert.equal((outcomeOf({ status: 302 }, 1, 8, 2000) as { kind: string }).kind, "retry");
});
