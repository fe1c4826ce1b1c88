import assert from "node:assert/strict";
import { test } from "node:test";
import { followRetryAfter, type RetryableAnswer } from "./retry-after";

const answers = (...list: RetryableAnswer[]) => {
  const sent: number[] = [];
  return { sent, send: async () => list[sent.push(sent.length) - 1] ?? list.at(-1)! };
};

test("a 503 with Retry-After is sent again until it is answered otherwise", async () => {
  const a = answers({ status: 503, retryAfter: "0.01" }, { status: 503, retryAfter: "0.01" }, { status: 200, retryAfter: null });
  assert.equal((await followRetryAfter(a.send)).status, 200);
  assert.equal(a.sent.length, 3);
});

test("a 503 without Retry-After, another status, or the last attempt is returned as it is", async () => {
  const bare = answers({ status: 503, retryAfter: undefined });
  assert.equal((await followRetryAfter(bare.send)).status, 503);
  assert.equal(bare.sent.length, 1);
  const notFound = answers({ status: 404, retryAfter: "2" });
  assert.equal((await followRetryAfter(notFound.send)).status, 404);
  const busy = answers({ status: 503, retryAfter: "0.01" });
  assert.equal((await followRetryAfter(busy.send, 3)).status, 503);
  assert.equal(busy.sent.length, 3);
});
