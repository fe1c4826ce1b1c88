import "server-only";
/**
 * Alert evaluation, driven by data, not by a timer of its own: on each real-time commit the live
 * watcher reports (and once when the server starts), every rule is evaluated for the minutes that
 * commit closed, in order, from the minute logs the dashboard already keeps current (the platform's,
 * or the video's), plus the week-old minutes for 'week' baselines. Each rule's state and events are
 * written in one transaction with the rule locked (alert_rule_lock.sql), and events go through the
 * outbox to the webhook (delivery.ts), so a crash loses nothing and a minute never fires twice.
 *
 * A rule evaluates each closed minute once, when the commit that closes it arrives: a late event's
 * correction of an older minute does not re-evaluate it. A new rule starts forMinutes before the
 * watermark, so a breach that already holds fires at the next commit. After a long downtime the
 * evaluation resumes at most an hour back (rule-machine.ts minutesToEvaluate).
 */
import { serverConfig } from "../../config/server";
import type { AlertRule } from "../../dashboard/alerts";
import type { MinuteLog } from "../../dashboard/minute-log";
import { pastMinutes } from "../live/past-minutes";
import { platformMinutes } from "../live/platform-minutes";
import { liveWatcher } from "../live/versions";
import { videoLogAt } from "../live/video-minutes";
import type { LiveState } from "../live/watcher";
import { opsTransaction } from "../ops/ops-db";
import { inBackground } from "../work-lane";
import { alertDelivery } from "./delivery";
import { type CountersAt, type MinuteReading, readMinute, WEEK_MS } from "./minute-metrics";
import { minutesToEvaluate, type RuleState, step } from "./rule-machine";
import { listRules, type RuleRow, ruleOf } from "./store";

const MIN = 60_000;
const noMinutes: CountersAt = () => undefined;

class AlertEvaluator {
  private next: LiveState | undefined;
  private running = false;
  /** Evaluations done and rules that failed, for /api/health and the benchmarks. */
  readonly counts = { commits: 0, failures: 0 };
  lastError: string | undefined;

  onCommit(state: LiveState): void {
    if (state.rt.state !== "complete" || state.rt.watermark === null) return;
    this.next = state;
    if (!this.running) void this.drain();
  }

  /** One evaluation at a time; commits that arrive meanwhile collapse into the newest. */
  private async drain(): Promise<void> {
    this.running = true;
    try {
      while (this.next) {
        const state = this.next;
        this.next = undefined;
        // Nobody waits on an evaluation: its reads take the background lane, one slot at most.
        await inBackground(() => this.evaluate(state));
      }
    } finally {
      this.running = false;
    }
  }

  private async evaluate(state: LiveState): Promise<void> {
    let rules: AlertRule[];
    try {
      rules = await listRules();
    } catch (err) {
      this.fail(`could not read the rules: ${(err as Error).message}`);
      return;
    }
    this.counts.commits += 1;
    let platform: MinuteLog | undefined;
    // Platform rules first: they read the one shared log, while a video rule waits for its own
    // video's delta from Trino; and each rule's events are sent as soon as they are written, so a
    // slow read for one rule never holds back another's webhook.
    const ordered = [...rules].sort((a, b) => Number(a.target.scope === "video") - Number(b.target.scope === "video"));
    for (const rule of ordered) {
      try {
        if (rule.target.scope === "platform") platform ??= (await platformMinutes().at(state)).log;
        if (await this.evaluateRule(rule, state, platform)) alertDelivery().kick();
      } catch (err) {
        // The rule keeps its evaluated_through, so the next commit evaluates these minutes again.
        this.fail(`rule ${rule.id} (${rule.name}): ${(err as Error).message}`);
      }
    }
  }

  private fail(message: string): void {
    this.counts.failures += 1;
    this.lastError = message;
    console.error(`[alerts] ${message}`);
  }

  /** Evaluates the rule's new minutes; true when it recorded an event (a delivery to start). */
  private async evaluateRule(rule: AlertRule, state: LiveState, platform: MinuteLog | undefined): Promise<boolean> {
    const t = state.rt.watermark!;
    const minutes = minutesToEvaluate(rule, t);
    if (minutes.length === 0) return false;
    const n = serverConfig().PULSE_VELOCITY_WINDOW_MINUTES;
    const log = rule.target.scope === "video" ? await videoLogAt(rule.target.videoId, state) : platform!;
    const current: CountersAt = (m) => log.countersAt(m);
    const c = rule.condition;
    let weekAgo = noMinutes;
    if (c.kind === "anomaly" && c.baseline === "week") {
      const lo = minutes[0]! - WEEK_MS - (c.baselineMinutes + 2 * n) * MIN;
      weekAgo = await pastMinutes(rule.target.scope === "video" ? rule.target.videoId : null, lo, t - WEEK_MS + MIN);
    }
    const readings = minutes.map((m) => readMinute({ metric: rule.target.metric, condition: c }, m, { current, weekAgo, velocityWindow: n }));
    return opsTransaction(async (query) => {
      const [row] = await query<RuleRow>("alert_rule_lock", [rule.id]);
      if (!row) return false; // deleted meanwhile
      const locked = ruleOf(row);
      // Another evaluation (a second server) may have gone further since the rules were listed.
      const todo = readings.filter((r) => locked.evaluatedThrough === null || r.minute >= locked.evaluatedThrough);
      if (todo.length === 0) return false;
      const defaultUrl = serverConfig().PULSE_ALERT_WEBHOOK_URL;
      const delivery = (locked.webhookUrl ?? defaultUrl) ? "pending" : "none";
      let s: RuleState = { status: locked.status, breachMinutes: row.breach_minutes, since: locked.statusSince };
      const recorded = false;
      for (const r of todo) {
        const next = step(s, r, locked.forMinutes);
        s = next.state;
        if (next.event) {
          await query("alert_event_insert", [
            locked.id,
            next.event,
            new Date(r.minute),
            r.value,
            r.baseline,
            r.z,
            boundOf(locked, next.event),
            state.rt.batchId,
            new Date(state.readAt),
            delivery,
          ]);
        }
      }
      const last: MinuteReading = todo.at(-1)!;
      await query("alert_rule_state_update", [
        locked.id,
        s.status,
        s.breachMinutes,
        new Date(t),
        last.value,
        last.baseline,
        last.z,
        s.since === null ? null : new Date(s.since),
      ]);
      return recorded;
    });
  }
}

/** The bound the event crossed: the threshold (or z) when firing, the recovery bound when resolving. */
function boundOf(rule: AlertRule, kind: "firing" | "resolved"): number {
  const c = rule.condition;
  if (c.kind === "threshold") return kind === "firing" ? c.threshold : c.recover;
  return kind === "firing" ? c.z : c.recoverZ;
}

const key = Symbol.for("pulse.dashboard.alertEvaluator");
type Holder = { [key]?: AlertEvaluator };

/** Starts evaluating on every real-time commit (idempotent); without an operational store there are no rules, so nothing starts. */
export function startAlerting(): AlertEvaluator | undefined {
  if (!serverConfig().PULSE_OPS_DB_URL) return undefined;
  const holder = globalThis as Holder;
  if (!holder[key]) {
    const evaluator = new AlertEvaluator();
    holder[key] = evaluator;
    const watcher = liveWatcher();
    watcher.onChange((state, change) => {
      if (change.rt) evaluator.onCommit(state);
    });
    if (watcher.healthy && watcher.state) evaluator.onCommit(watcher.state);
    alertDelivery().start();
  }
  return holder[key];
}
