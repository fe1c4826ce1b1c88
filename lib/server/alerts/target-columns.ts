/**
 * A rule's target and condition from its columns in pulse_ops.alert_rules (the rule statements and
 * the delivery claim both return them). No "server-only": the webhook sender uses it too.
 */
import type { AlertCondition, AlertTarget, Baseline, PlatformMetric, VideoMetric } from "../../dashboard/alerts";

export interface TargetColumns {
  readonly scope: "platform" | "video";
  readonly video_id: string | null;
  readonly metric: string;
}

export interface ConditionColumns {
  readonly condition: "threshold" | "anomaly";
  readonly op: "above" | "below" | "either";
  readonly threshold: number | null;
  readonly recover_threshold: number | null;
  readonly baseline: Baseline | null;
  readonly baseline_minutes: number | null;
  readonly z_threshold: number | null;
  readonly recover_z: number | null;
}

export const targetOf = (r: TargetColumns): AlertTarget =>
  r.scope === "video"
    ? { scope: "video", videoId: r.video_id ?? "", metric: r.metric as VideoMetric }
    : { scope: "platform", metric: r.metric as PlatformMetric };

export const conditionOf = (r: ConditionColumns): AlertCondition =>
  r.condition === "threshold"
    ? { kind: "threshold", op: r.op === "below" ? "below" : "above", threshold: r.threshold ?? 0, recover: r.recover_threshold ?? r.threshold ?? 0 }
    : {
        kind: "anomaly",
        op: r.op,
        baseline: r.baseline ?? "rolling",
        baselineMinutes: r.baseline_minutes ?? 60,
        z: r.z_threshold ?? 3,
        recoverZ: r.recover_z ?? 0,
      };
