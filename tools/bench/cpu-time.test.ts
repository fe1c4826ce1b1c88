import assert from "node:assert/strict";
import { test } from "node:test";
import { cpuBetween } from "./cpu-time";

test("the CPU used between two samples, per process; a restarted process never counts negative", () => {
  assert.deepEqual(cpuBetween({ pulse: 1, trino: 10, kafka: 5 }, { pulse: 3.5, trino: 40, kafka: 2 }), { pulse: 2.5, trino: 30, kafka: 0 });
});
