/**
 * Delivers the alert events queued in the operational store (the outbox, alert_events) to their
 * rules' webhooks: claims the due ones (alert_events_claim.sql: an attempt is counted and leased
 * before it is made, so a crash mid-send retries it later, and two servers never send the same
 * attempt), POSTs each, and records the outcome (delivery-outcome.ts): delivered, retry later, or
 * the dead-letter record. No "server-only": the statements come through an injected `query`.
 */
import { type AlertCondition, type AlertEventKind, type Baseline, describeCondition } from "../../dashboard/alerts";
import { type AttemptResult, outcomeOf } from "./delivery-outcome";
import { slackMessage } from "./slack-message";
import { conditionOf, targetOf } from "./target-columns";

export type Query = (name: string, values: readonly unknown[]) => Promise<Record<string, unknown>[]>;

export interface SenderOptions {
  readonly query: Query;
  /** Used for rules without their own webhook (PULSE_ALERT_WEBHOOK_URL). */
  readonly defaultUrl?: string | undefined;
  readonly maxAttempts: number;
  readonly retryBaseMs: number;
  /** Absolute base of the links in messages (PULSE_PUBLIC_URL), if the server knows it. */
  readonly publicUrl?: string | undefined;
  readonly attemptTimeoutMs?: number;
  readonly log?: (m: string) => void;
}

/** How long a claimed attempt may take before another sender may retry it. */
const LEASE_MS = 30_000;
/** Events claimed per pass. */
export const SEND_BATCH = 20;

interface ClaimedRow {
  readonly id: string;
  readonly rule_id: string;
  readonly kind: AlertEventKind;
  readonly minute: Date;
  readonly value: number | null;
  readonly baseline: number | null;
  readonly z: number | null;
  readonly attempts: number;
  readonly name: string;
  readonly scope: "platform" | "video";
  readonly video_id: string | null;
  readonly metric: string;
  readonly condition: "threshold" | "anomaly";
  readonly op: "above" | "below" | "either";
  readonly rule_threshold: number | null;
  readonly recover_threshold: number | null;
  readonly rule_baseline: Baseline | null;
  readonly baseline_minutes: number | null;
  readonly z_threshold: number | null;
  readonly recover_z: number | null;
  readonly for_minutes: number;
  readonly webhook_url: string | null;
}

async function post(url: string, body: unknown, timeoutMs: number): Promise<AttemptResult> {
  try {
    const res = await fetch(url, {
      method: "POST",
      headers: { "Content-Type": "application/json", "User-Agent": "Pulse-Alerts/1" },
      body: JSON.stringify(body),
      // A webhook that redirects is misconfigured; following it could send the alert somewhere else.
      redirect: "manual",
      signal: AbortSignal.timeout(timeoutMs),
    });
    await res.body?.cancel().catch(() => undefined);
    const retryAfter = Number(res.headers.get("retry-after"));
    return { status: res.status, retryAfterSeconds: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined };
  } catch (err) {
    const e = err as Error & { cause?: { code?: string } };
    if (e.name === "TimeoutError") return { error: `no answer within ${timeoutMs} ms` };
    return { error: `could not reach the receiver (${e.cause?.code ?? e.message})` };
  }
}

const links = (o: SenderOptions, r: ClaimedRow) => {
  if (!o.publicUrl) return {};
  const base = o.publicUrl.replace(/\/+$/, "");
  return { alerts: `${base}/alerts`, chart: r.scope === "video" && r.video_id ? `${base}/videos/${encodeURIComponent(r.video_id)}` : `${base}/` };
};

/** One pass: every due event is attempted once. Returns how many were attempted. */
export async function sendDue(o: SenderOptions): Promise<number> {
  const rows = (await o.query("alert_events_claim", [SEND_BATCH, LEASE_MS])) as unknown as ClaimedRow[];
  await Promise.all(
    rows.map(async (r) => {
      const url = r.webhook_url ?? o.defaultUrl;
      const id = Number(r.id);
      if (!url) {
        await o.query("alert_event_dead", [id, "no webhook: the rule has none and PULSE_ALERT_WEBHOOK_URL is not set"]);
        return;
      }
      const condition: AlertCondition = conditionOf({ ...r, threshold: r.rule_threshold, baseline: r.rule_baseline });
      const body = slackMessage(
        {
          eventId: id,
          ruleId: Number(r.rule_id),
          ruleName: r.name,
          target: targetOf(r),
          condition,
          forMinutes: r.for_minutes,
          kind: r.kind,
          minute: r.minute.getTime(),
          value: r.value,
          baseline: r.baseline,
          z: r.z,
        },
        links(o, r),
      );
      const result = await post(url, body, o.attemptTimeoutMs ?? 5_000);
      const outcome = outcomeOf(result, r.attempts, o.maxAttempts, o.retryBaseMs);
      if (outcome.kind === "delivered") await o.query("alert_event_delivered", [id]);
      else if (outcome.kind === "retry") await o.query("alert_event_retry", [id, outcome.delayMs, outcome.error]);
      else {
        await o.query("alert_event_dead", [id, outcome.error]);
        o.log?.(
          `[alerts] event ${id} (${r.name}: ${describeCondition({ target: targetOf(r), condition, forMinutes: r.for_minutes })}) dead-lettered: ${outcome.error}`,
        );
      }
    }),
  );
  return rows.length;
}
