import "server-only";
/**
 * The alert rules and their history in the operational store (sql/ops_queries/alert_*.sql through
 * ops-db.ts): rows to the types the API answers (lib/dashboard/alerts.ts), and back.
 */
import {
  type AlertEvent,
  type AlertEventKind,
  type AlertRule,
  type AlertRuleSpec,
  type AlertSpan,
  type AlertStatus,
  type AlertSummary,
  type DeliveryState,
  MAX_EVENTS,
  MAX_RULES,
} from "../../dashboard/alerts";
import { MAX_LIST_ROWS } from "../../dashboard/annotations";
import { opsQuery } from "../ops/ops-db";
import { type ConditionColumns, conditionOf, type TargetColumns, targetOf } from "./target-columns";

/** The rule columns every rule statement returns. */
export interface RuleRow extends TargetColumns, ConditionColumns {
  readonly id: string;
  readonly name: string;
  readonly for_minutes: number;
  readonly webhook_url: string | null;
  readonly author: string;
  readonly created_at: Date;
  readonly status: AlertStatus;
  readonly breach_minutes: number;
  readonly evaluated_through: Date | null;
  readonly last_value: number | null;
  readonly last_baseline: number | null;
  readonly last_z: number | null;
  readonly status_since: Date | null;
}

const ms = (d: Date | null) => (d === null ? null : d.getTime());

export const ruleOf = (r: RuleRow): AlertRule => ({
  id: Number(r.id),
  name: r.name,
  target: targetOf(r),
  condition: conditionOf(r),
  forMinutes: r.for_minutes,
  webhookUrl: r.webhook_url,
  author: r.author,
  createdAt: r.created_at.getTime(),
  status: r.status,
  statusSince: ms(r.status_since),
  lastValue: r.last_value,
  lastBaseline: r.last_baseline,
  lastZ: r.last_z,
  evaluatedThrough: ms(r.evaluated_through),
});

export async function createRule(spec: AlertRuleSpec): Promise<AlertRule> {
  const c = spec.condition;
  const t = spec.target;
  const [row] = await opsQuery<RuleRow>("alert_rule_insert", [
    spec.name,
    t.scope,
    t.scope === "video" ? t.videoId : null,
    t.metric,
    c.kind,
    c.op,
    c.kind === "threshold" ? c.threshold : null,
    c.kind === "threshold" ? c.recover : null,
    c.kind === "anomaly" ? c.baseline : null,
    c.kind === "anomaly" ? c.baselineMinutes : null,
    c.kind === "anomaly" ? c.z : null,
    c.kind === "anomaly" ? c.recoverZ : null,
    spec.forMinutes,
    spec.webhookUrl,
    spec.author,
  ]);
  if (!row) throw new Error("alert_rule_insert returned no row");
  return ruleOf(row);
}

export async function listRules(): Promise<AlertRule[]> {
  return (await opsQuery<RuleRow>("alert_rules_active", [MAX_RULES])).map(ruleOf);
}

/** Whether there was such a rule. */
export async function deleteRule(id: number): Promise<boolean> {
  return (await opsQuery<{ id: string }>("alert_rule_delete", [id])).length === 1;
}

interface EventRow {
  readonly id: string;
  readonly rule_id: string;
  readonly kind: AlertEventKind;
  readonly minute: Date;
  readonly value: number | null;
  readonly baseline: number | null;
  readonly z: number | null;
  readonly threshold: number | null;
  readonly delivery: DeliveryState;
  readonly attempts: number;
  readonly last_error: string | null;
  readonly created_at: Date;
  readonly delivered_at: Date | null;
  readonly name: string;
  readonly scope: "platform" | "video";
  readonly video_id: string | null;
  readonly metric: string;
}

export async function listEvents(ruleId?: number): Promise<AlertEvent[]> {
  const rows = await opsQuery<EventRow>("alert_events_recent", [ruleId ?? null, MAX_EVENTS]);
  return rows.map((r) => ({
    id: Number(r.id),
    ruleId: Number(r.rule_id),
    ruleName: r.name,
    target: targetOf(r),
    kind: r.kind,
    minute: r.minute.getTime(),
    value: r.value,
    baseline: r.baseline,
    z: r.z,
    threshold: r.threshold,
    delivery: r.delivery,
    attempts: r.attempts,
    lastError: r.last_error,
    createdAt: r.created_at.getTime(),
    deliveredAt: ms(r.delivered_at),
  }));
}

/** Whether the event was dead-lettered (and is now queued again). */
export async function redeliver(id: number): Promise<boolean> {
  return (await opsQuery<{ id: string }>("alert_event_redeliver", [id])).length === 1;
}

/** The firing periods a chart of [from, to) marks: the platform rules' and `videoId`'s. */
export async function listSpans(q: { from: number; to: number; videoId?: string | undefined }): Promise<AlertSpan[]> {
  const rows = await opsQuery<{ rule_id: string; name: string; video_id: string | null; from_minute: Date; to_minute: Date | null }>("alert_spans_in_range", [
    new Date(q.from),
    new Date(q.to),
    q.videoId ?? null,
    MAX_LIST_ROWS,
  ]);
  return rows.map((r) => ({ ruleId: Number(r.rule_id), ruleName: r.name, videoId: r.video_id, from: r.from_minute.getTime(), to: ms(r.to_minute) }));
}

export async function summary(): Promise<AlertSummary> {
  const [row] = await opsQuery<{ firing: string; rules: string }>("alert_summary", []);
  return { firing: Number(row?.firing ?? 0), rules: Number(row?.rules ?? 0) };
}
