/**
 * A rule's numbers at one closed minute m, from per-minute counters (the live minute log, or the
 * week-old minutes read for a 'week' baseline). Formulas: sql/ops/020_pulse_ops_alert_rules.sql.
 * Pure (no "server-only"): unit-tested with hand-computed fixtures.
 *
 *   value(m)     plays(m); finishes(m)/plays(m); 1000*likes(m)/impressions(m); 1000*shares(m)/impressions(m);
 *                velocity(m) = (plays(m-N+1) + ... + plays(m)) / N;
 *                acceleration(m) = (velocity(m) - velocity(m-N)) / N
 *   baseline     the values at the W minutes m-W .. m-1 ('rolling') or m-7d-W+1 .. m-7d ('week'),
 *                those defined (a 0 denominator leaves a minute out); mean and population deviation sd
 *   z(m)         (value(m) - mean) / sd; undefined with fewer than 2 baseline values or sd = 0
 */
import type { AlertCondition, AlertMetric } from "../../dashboard/alerts";
import type { Counters } from "../../dashboard/models";

const MIN = 60_000;
export const WEEK_MS = 7 * 86_400_000;

/** A minute's counters, or undefined when the source does not hold that minute (no answer, not zero). */
export type CountersAt = (minute: number) => Counters | undefined;

const ratio = (num: number, den: number): number | null => (den === 0 ? null : num / den);

/** Sum of plays over the n minutes ending at m; undefined if any of them is not held. */
function playsOver(at: CountersAt, m: number, n: number): number | undefined {
  let sum = 0;
  for (let k = 0; k < n; k++) {
    const c = at(m - k * MIN);
    if (!c) return undefined;
    sum += c.plays;
  }
  return sum;
}

/** value(m), or null where it is not defined (0 denominator) or the minutes it needs are not held. */
export function metricAt(metric: AlertMetric, at: CountersAt, m: number, velocityWindow: number): number | null {
  const n = velocityWindow;
  if (metric === "velocity") {
    const recent = playsOver(at, m, n);
    return recent === undefined ? null : recent / n;
  }
  if (metric === "acceleration") {
    const recent = playsOver(at, m, n);
    const previous = playsOver(at, m - n * MIN, n);
    return recent === undefined || previous === undefined ? null : (recent - previous) / (n * n);
  }
  const c = at(m);
  if (!c) return null;
  switch (metric) {
    case "plays":
      return c.plays;
    case "completion_rate":
      return ratio(c.finishes, c.plays);
    case "likes_per_1k":
      return ratio(1000 * c.likes, c.impressions);
    case "shares_per_1k":
      return ratio(1000 * c.shares, c.impressions);
  }
}

export interface BaselineStats {
  readonly mean: number;
  readonly sd: number;
  readonly count: number;
}

/** Mean and population deviation of the defined values; undefined with fewer than two. */
export function baselineStats(values: readonly (number | null)[]): BaselineStats | undefined {
  const xs = values.filter((v): v is number => v !== null);
  if (xs.length < 2) return undefined;
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  const variance = xs.reduce((a, x) => a + (x - mean) ** 2, 0) / xs.length;
  return { mean, sd: Math.sqrt(variance), count: xs.length };
}

export interface MinuteReading {
  readonly minute: number;
  readonly value: number | null;
  /** The baseline's mean (anomaly rules), null when it could not be formed. */
  readonly baseline: number | null;
  readonly z: number | null;
  readonly breach: boolean;
  readonly recovered: boolean;
}

export interface MinuteSources {
  /** The live log's minutes (the newest closed minutes, and the hours before). */
  readonly current: CountersAt;
  /** Minutes a week back, for 'week' baselines. */
  readonly weekAgo: CountersAt;
  readonly velocityWindow: number;
}

/** The baseline's minutes for minute m, newest first. */
export function baselineMinutes(condition: Extract<AlertCondition, { kind: "anomaly" }>, m: number): number[] {
  const w = condition.baselineMinutes;
  const end = condition.baseline === "rolling" ? m - MIN : m - WEEK_MS;
  return Array.from({ length: w }, (_, k) => end - k * MIN);
}

/** A rule's reading at minute m: value, baseline, z, and whether it breaches or has recovered. */
export function readMinute(rule: { metric: AlertMetric; condition: AlertCondition }, m: number, src: MinuteSources): MinuteReading {
  const value = metricAt(rule.metric, src.current, m, src.velocityWindow);
  const c = rule.condition;
  if (c.kind === "threshold") {
    if (value === null) return { minute: m, value, baseline: null, z: null, breach: false, recovered: false };
    const breach = c.op === "above" ? value > c.threshold : value < c.threshold;
    const recovered = c.op === "above" ? value <= c.recover : value >= c.recover;
    return { minute: m, value, baseline: null, z: null, breach, recovered };
  }
  const at = c.baseline === "rolling" ? src.current : src.weekAgo;
  const stats = baselineStats(baselineMinutes(c, m).map((t) => metricAt(rule.metric, at, t, src.velocityWindow)));
  const baseline = stats?.mean ?? null;
  const z = value === null || !stats || stats.sd === 0 ? null : (value - stats.mean) / stats.sd;
  if (z === null) return { minute: m, value, baseline, z, breach: false, recovered: false };
  const signed = c.op === "below" ? -z : z;
  const size = c.op === "either" ? Math.abs(z) : signed;
  return { minute: m, value, baseline, z, breach: size >= c.z, recovered: size < c.recoverZ };
}
