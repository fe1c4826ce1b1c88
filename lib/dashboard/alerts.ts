/**
 * Alerts: rules that watch a platform metric or a video's velocity per closed minute of the
 * real-time log, and the history of their firing and resolving. What the API answers and the pages
 * draw; the write API's body is validated by alert-schemas.ts (zod, on the server). The formulas
 * are in sql/ops/020_pulse_ops_alert_rules.sql's header.
 */

export const PLATFORM_METRICS = ["plays", "completion_rate", "likes_per_1k", "shares_per_1k"] as const;
export const VIDEO_METRICS = ["velocity", "acceleration"] as const;
export type PlatformMetric = (typeof PLATFORM_METRICS)[number];
export type VideoMetric = (typeof VIDEO_METRICS)[number];
export type AlertMetric = PlatformMetric | VideoMetric;

export const METRIC_LABELS: Record<AlertMetric, string> = {
  plays: "plays per minute",
  completion_rate: "completion rate",
  likes_per_1k: "likes per 1k impressions",
  shares_per_1k: "shares per 1k impressions",
  velocity: "velocity (plays/min)",
  acceleration: "acceleration (plays/min²)",
};

export const BASELINES = ["rolling", "week"] as const;
export type Baseline = (typeof BASELINES)[number];
export const BASELINE_LABELS: Record<Baseline, string> = {
  rolling: "rolling mean of the minutes before",
  week: "the same minutes one week earlier",
};

export type ThresholdCondition = {
  readonly kind: "threshold";
  readonly op: "above" | "below";
  readonly threshold: number;
  /** Hysteresis: a firing rule resolves at value <= recover ('above') or >= recover ('below'). */
  readonly recover: number;
};

export type AnomalyCondition = {
  readonly kind: "anomaly";
  readonly op: "above" | "below" | "either";
  readonly baseline: Baseline;
  /** W: how many minutes the baseline's mean and deviation are taken over. */
  readonly baselineMinutes: number;
  readonly z: number;
  /** Hysteresis: a firing rule resolves once |z| (in the rule's direction) is below this. */
  readonly recoverZ: number;
};

export type AlertCondition = ThresholdCondition | AnomalyCondition;

export type AlertTarget =
  | { readonly scope: "platform"; readonly metric: PlatformMetric }
  | { readonly scope: "video"; readonly videoId: string; readonly metric: VideoMetric };

export type AlertStatus = "ok" | "pending" | "firing";

export interface AlertRuleSpec {
  readonly name: string;
  readonly target: AlertTarget;
  readonly condition: AlertCondition;
  /** The breach must hold this many consecutive minutes before the rule fires. */
  readonly forMinutes: number;
  /** Where firing and resolved messages go (Slack-compatible JSON); null: the server's default, if any. */
  readonly webhookUrl: string | null;
  readonly author: string;
}

export interface AlertRule extends AlertRuleSpec {
  readonly id: number;
  readonly createdAt: number;
  readonly status: AlertStatus;
  /** Since when the rule is in its status (epoch ms of the minute), null before its first evaluation. */
  readonly statusSince: number | null;
  /** The newest evaluated minute's numbers (null before any, or when not defined, e.g. no plays). */
  readonly lastValue: number | null;
  readonly lastBaseline: number | null;
  readonly lastZ: number | null;
  /** Minutes before this instant are evaluated. */
  readonly evaluatedThrough: number | null;
}

export type AlertEventKind = "firing" | "resolved";
export type DeliveryState = "none" | "pending" | "delivered" | "dead";

export interface AlertEvent {
  readonly id: number;
  readonly ruleId: number;
  readonly ruleName: string;
  readonly target: AlertTarget;
  readonly kind: AlertEventKind;
  /** The closed minute at which the rule changed state, epoch ms. */
  readonly minute: number;
  readonly value: number | null;
  readonly baseline: number | null;
  readonly z: number | null;
  readonly threshold: number | null;
  readonly delivery: DeliveryState;
  readonly attempts: number;
  readonly lastError: string | null;
  readonly createdAt: number;
  readonly deliveredAt: number | null;
}

/** A firing period of a rule on a chart: from the minute it fired to the one it resolved (null: still firing). */
export interface AlertSpan {
  readonly ruleId: number;
  readonly ruleName: string;
  readonly videoId: string | null;
  readonly from: number;
  readonly to: number | null;
}

export interface AlertSummary {
  /** Rules firing now. */
  readonly firing: number;
  readonly rules: number;
}

export const MAX_RULES = 200;
export const MAX_EVENTS = 200;

/** "plays per minute above 500 for 2 min (resolves at ≤ 200)": a rule's condition in words. */
export function describeCondition(rule: Pick<AlertRuleSpec, "target" | "condition" | "forMinutes">): string {
  const metric = METRIC_LABELS[rule.target.metric];
  const c = rule.condition;
  const held = `for ${rule.forMinutes} min`;
  if (c.kind === "threshold") {
    const bound = c.op === "above" ? `≤ ${c.recover}` : `≥ ${c.recover}`;
    return `${metric} ${c.op} ${c.threshold} ${held} (resolves at ${bound})`;
  }
  const dir = c.op === "either" ? "|z|" : c.op === "above" ? "z" : "−z";
  return `${metric}: ${dir} ≥ ${c.z} against ${BASELINE_LABELS[c.baseline]} (${c.baselineMinutes} min) ${held} (resolves below ${c.recoverZ})`;
}
