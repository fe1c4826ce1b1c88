/**
 * A rule's state from one evaluated minute to the next. Pure: unit-tested.
 *   ok / pending + breach      one more breached minute; at forMinutes in a row it fires
 *   ok / pending + no breach   back to ok (the run is broken; so is an undefined minute)
 *   firing + recovered         resolved: back to ok
 *   firing otherwise           still firing: between the breach bound and the recovery bound the
 *                              state holds (hysteresis), and so it does on a minute with no value
 */
import type { AlertEventKind, AlertStatus } from "../../dashboard/alerts";
import type { MinuteReading } from "./minute-metrics";

export interface RuleState {
  readonly status: AlertStatus;
  /** The current run of consecutive breached minutes (pending and firing). */
  readonly breachMinutes: number;
  /** The minute the status began. */
  readonly since: number | null;
}

export const INITIAL_STATE: RuleState = { status: "ok", breachMinutes: 0, since: null };

export function step(state: RuleState, r: MinuteReading, forMinutes: number): { state: RuleState; event?: AlertEventKind } {
  if (state.status === "firing") {
    if (r.recovered) return { state: { status: "ok", breachMinutes: 0, since: r.minute }, event: "resolved" };
    return { state: { ...state, breachMinutes: r.breach ? state.breachMinutes + 1 : state.breachMinutes } };
  }
  if (!r.breach) return { state: state.status === "ok" && state.since !== null ? state : { status: "ok", breachMinutes: 0, since: r.minute } };
  const run = state.breachMinutes + 1;
  if (run >= forMinutes) return { state: { status: "firing", breachMinutes: run, since: r.minute }, event: "firing" };
  return { state: { status: "pending", breachMinutes: run, since: state.status === "pending" ? state.since : r.minute } };
}

const MIN = 60_000;
/** After a long downtime evaluation resumes at most this far back: an hour-old alert is news to nobody. */
export const MAX_CATCH_UP_MS = 60 * MIN;

/**
 * The minutes a rule evaluates at watermark T, oldest first: from its evaluated_through (a new rule:
 * forMinutes back, so a breach that already holds fires now), at most MAX_CATCH_UP_MS back.
 */
export function minutesToEvaluate(rule: { readonly evaluatedThrough: number | null; readonly forMinutes: number }, t: number): number[] {
  const first = Math.max(rule.evaluatedThrough ?? t - rule.forMinutes * MIN, t - MAX_CATCH_UP_MS);
  const out: number[] = [];
  for (let m = first; m < t; m += MIN) out.push(m);
  return out;
}
