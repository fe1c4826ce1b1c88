import assert from "node:assert/strict";
import test from "node:test";
import { parseHeapUsedBytes } from "./heap-probe";

test("parseHeapUsedBytes reads the used figure of G1's heap line", () => {
  const out = `12345:
 garbage-first heap   total reserved 4194304K, committed 1048576K, used 523456K [0x0000000700000000, 0x0000000800000000)
  region size 2048K, 3 young (6144K), 0 survivors (0K)
 Metaspace       used 120000K, committed 121000K, reserved 1179648K`;
  assert.equal(parseHeapUsedBytes(out), 523456 * 1024);
});

test("parseHeapUsedBytes refuses output without a heap line", () => {
  assert.throws(() => parseHeapUsedBytes("12345:\nCould not attach"), /no "heap total/);
});
