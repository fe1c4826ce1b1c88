import assert from "node:assert/strict";
import { test } from "node:test";
import type { MinuteReading } from "./minute-metrics";
import { INITIAL_STATE, MAX_CATCH_UP_MS, minutesToEvaluate, type RuleState, step } from "./rule-machine";

const MIN = 60_000;
const T = Date.UTC(2026, 10, 25, 12, 0);
const reading = (k: number, breach: boolean, recovered: boolean): MinuteReading => ({
  minute: T + k * MIN,
  value: 0,
  baseline: null,
  z: null,
  breach,
  recovered,
});

/** Runs readings through the machine; returns each minute's status and the events with their minute offsets. */
function run(readings: MinuteReading[], forMinutes: number) {
  let s: RuleState = INITIAL_STATE;
  const statuses: string[] = [];
  const events: string[] = [];
  for (const r of readings) {
    const next = step(s, r, forMinutes);
    s = next.state;
    statuses.push(s.status);
    if (next.event) events.push(`${next.event}@${(r.minute - T) / MIN}`);
  }
  return { statuses, events, state: s };
}

test("fires once the breach held forMinutes in a row, holds between the bounds, resolves at recovery", () => {
  // The e2e's commits: 1000 (breach), 600 (breach), 300 (neither), 100 (recovered).
  const r = run([reading(0, true, false), reading(1, true, false), reading(2, false, false), reading(3, false, true)], 2);
  assert.deepEqual(r.statuses, ["pending", "firing", "firing", "ok"]);
  assert.deepEqual(r.events, ["firing@1", "resolved@3"]);
  assert.deepEqual(r.state, { status: "ok", breachMinutes: 0, since: T + 3 * MIN });
});

test("a broken run starts over; forMinutes 1 fires on the first breached minute", () => {
  const broken = run([reading(0, true, false), reading(1, false, false), reading(2, true, false), reading(3, true, false), reading(4, true, false)], 3);
  assert.deepEqual(broken.statuses, ["pending", "ok", "pending", "pending", "firing"]);
  assert.deepEqual(broken.events, ["firing@4"]);
  assert.equal(broken.state.since, T + 4 * MIN);
  assert.deepEqual(run([reading(0, true, false)], 1).events, ["firing@0"]);
});

test("a firing rule without a value (no breach, not recovered) keeps firing; pending falls back to ok", () => {
  const r = run([reading(0, true, false), reading(1, false, false), reading(2, false, false)], 1);
  assert.deepEqual(r.statuses, ["firing", "firing", "firing"]);
  assert.deepEqual(r.events, ["firing@0"]);
  const p = run([reading(0, true, false), reading(1, false, false)], 2);
  assert.deepEqual(p.statuses, ["pending", "ok"]);
  assert.equal(p.state.since, T + MIN);
});

test("the pending run keeps the minute it began", () => {
  const r = run([reading(0, false, true), reading(1, true, false), reading(2, true, false)], 5);
  assert.deepEqual(r.state, { status: "pending", breachMinutes: 2, since: T + MIN });
});

test("minutes to evaluate: forMinutes back for a new rule, from evaluated_through after, at most an hour", () => {
  assert.deepEqual(minutesToEvaluate({ evaluatedThrough: null, forMinutes: 2 }, T), [T - 2 * MIN, T - MIN]);
  assert.deepEqual(minutesToEvaluate({ evaluatedThrough: T - MIN, forMinutes: 2 }, T + 2 * MIN), [T - MIN, T, T + MIN]);
  assert.deepEqual(minutesToEvaluate({ evaluatedThrough: T, forMinutes: 2 }, T), []);
  const late = minutesToEvaluate({ evaluatedThrough: T - 5 * 3_600_000, forMinutes: 1 }, T);
  assert.equal(late.length, MAX_CATCH_UP_MS / MIN);
  assert.equal(late[0], T - MAX_CATCH_UP_MS);
});
