import assert from "node:assert/strict";
import { test } from "node:test";
import { FAULT_KINDS, planFaults } from "./fault-plan";

test("24 faults in an hour: each kind four or five times, one per 135 s slot, after the warm-up and before the tail", () => {
  const plan = planFaults({ durationMs: 3_600_000, count: 24, warmupMs: 60_000, tailMs: 300_000, seed: 7 });
  assert.equal(plan.length, 24);
  for (const kind of FAULT_KINDS) {
    const n = plan.filter((f) => f.kind === kind).length;
    assert.ok(n === 4 || n === 5, `${kind}: ${n}`);
  }
  const slot = (3_600_000 - 60_000 - 300_000) / 24;
  plan.forEach((f, i) => {
    assert.ok(f.atMs >= 60_000 + slot * i + 0.1 * slot - 1 && f.atMs <= 60_000 + slot * (i + 1) - 0.1 * slot + 1, `fault ${i} at ${f.atMs}`);
  });
});

test("five faults: one of each kind; the same seed gives the same plan", () => {
  const o = { durationMs: 300_000, count: 5, warmupMs: 45_000, tailMs: 60_000, seed: 1 };
  assert.deepEqual([...planFaults(o).map((f) => f.kind)].sort(), [...FAULT_KINDS].sort());
  assert.deepEqual(planFaults(o), planFaults(o));
  assert.deepEqual(planFaults({ ...o, durationMs: 100_000 }), []);
});
