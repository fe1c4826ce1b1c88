/**
 * The webhook's body: Slack's incoming-webhook JSON (`text`, plus one legacy attachment with a colour
 * and fields), which Slack, Mattermost, Rocket.Chat and Discord's /slack endpoint all accept, and a
 * `pulse` object with the same facts as numbers for receivers that are programs. Pure: unit-tested.
 */

import { type AlertCondition, type AlertEventKind, type AlertTarget, describeCondition, METRIC_LABELS } from "../../dashboard/alerts";
import { fmtSig as fmtNumber } from "../../dashboard/format";

export interface EventForMessage {
  readonly eventId: number;
  readonly ruleId: number;
  readonly ruleName: string;
  readonly target: AlertTarget;
  readonly condition: AlertCondition;
  readonly forMinutes: number;
  readonly kind: AlertEventKind;
  readonly minute: number;
  readonly value: number | null;
  readonly baseline: number | null;
  readonly z: number | null;
}

const utcMinute = (ms: number) => `${new Date(ms).toISOString().slice(0, 16).replace("T", " ")} UTC`;

/** `links.alerts`: the alert page; `links.chart`: the chart the rule watches (absolute URLs, or undefined without PULSE_PUBLIC_URL). */
export function slackMessage(e: EventForMessage, links: { alerts?: string | undefined; chart?: string | undefined } = {}) {
  const firing = e.kind === "firing";
  const subject = e.target.scope === "video" ? `video ${e.target.videoId}` : "platform";
  const metric = METRIC_LABELS[e.target.metric];
  const measured =
    e.condition.kind === "anomaly"
      ? `${metric} ${fmtNumber(e.value)} (baseline ${fmtNumber(e.baseline)}, z = ${fmtNumber(e.z)})`
      : `${metric} ${fmtNumber(e.value)}`;
  const headline = `${firing ? "🔴 FIRING" : "✅ RESOLVED"}: ${e.ruleName} (${subject}): ${measured} at ${utcMinute(e.minute)}`;
  const fields = [
    { title: "Rule", value: describeCondition(e), short: false },
    { title: "Value", value: fmtNumber(e.value), short: true },
    ...(e.condition.kind === "anomaly"
      ? [
          { title: "Baseline", value: fmtNumber(e.baseline), short: true },
          { title: "z-score", value: fmtNumber(e.z), short: true },
        ]
      : [{ title: "Threshold", value: fmtNumber(e.condition.threshold), short: true }]),
    { title: "Minute", value: utcMinute(e.minute), short: true },
  ];
  return {
    text: links.alerts ? `${headline} <${links.alerts}|alerts>` : headline,
    attachments: [
      {
        color: firing ? "danger" : "good",
        title: `${e.ruleName}: ${firing ? "firing" : "resolved"}`,
        ...(links.chart ? { title_link: links.chart } : {}),
        fields,
        ts: Math.floor(e.minute / 1000),
      },
    ],
    pulse: {
      eventId: e.eventId,
      ruleId: e.ruleId,
      kind: e.kind,
      minute: new Date(e.minute).toISOString(),
      scope: e.target.scope,
      ...(e.target.scope === "video" ? { videoId: e.target.videoId } : {}),
      metric: e.target.metric,
      value: e.value,
      baseline: e.baseline,
      z: e.z,
    },
  };
}
