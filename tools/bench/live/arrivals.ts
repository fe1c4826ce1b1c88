/**
 * How one pushed event spread over the subscribers: each subscriber's receipt time against a
 * reference (the first subscriber's receipt, the commit's recorded_at, the server's read of the new
 * version), as percentiles and as the share received within a limit. A subscriber that never
 * received the event counts in the share's denominator, never within the limit.
 */
import { maximum, percentile } from "../stats";

/** Receipt time per subscriber, epoch ms; undefined for one that did not receive the event. */
export type Arrivals = readonly (number | undefined)[];

const received = (arrivals: Arrivals): number[] => arrivals.filter((a): a is number => a !== undefined);

/** The earliest receipt, NaN when nobody received it. */
export function firstArrival(arrivals: Arrivals): number {
  let first = NaN;
  for (const a of received(arrivals)) if (!(a >= first)) first = a;
  return first;
}

/** Each receipt minus `ref`, ms (negative when it came before the reference). */
export const delaysFrom = (arrivals: Arrivals, ref: number): number[] => received(arrivals).map((a) => a - ref);

/** Each receipt minus the first receipt: 0 for the first subscriber. */
export const spreadFromFirst = (arrivals: Arrivals): number[] => delaysFrom(arrivals, firstArrival(arrivals));

export interface DelaySummary {
  readonly received: number;
  readonly expected: number;
  /** % of the expected subscribers whose delay is at most the limit. */
  readonly withinPct: number;
  readonly p50: number;
  readonly p95: number;
  readonly max: number;
}

export function summarizeDelays(delays: readonly number[], expected: number, limitMs: number): DelaySummary {
  const within = delays.filter((d) => d <= limitMs).length;
  return {
    received: delays.length,
    expected,
    withinPct: expected > 0 ? (100 * within) / expected : NaN,
    p50: percentile(delays, 50),
    p95: percentile(delays, 95),
    max: maximum(delays),
  };
}
