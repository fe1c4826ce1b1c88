/**
 * The alerts API's input, validated at the boundary (zod, on the server): a new rule's body (flat,
 * so one `curl -d` writes it), the history's filter, and the ids in paths. Bad input is a 400
 * naming the field; the body becomes the AlertRuleSpec the store writes.
 */
import { z } from "zod";
import {
  type AlertCondition,
  type AlertRuleSpec,
  type AlertTarget,
  BASELINES,
  PLATFORM_METRICS,
  type PlatformMetric,
  VIDEO_METRICS,
  type VideoMetric,
} from "./alerts";
import { videoIdSchema } from "./schemas";
import { plainText, strictObjectError } from "./text-schema";

const METRICS = [...PLATFORM_METRICS, ...VIDEO_METRICS] as const;
const finite = (what: string) => z.number({ error: `${what} must be a number` }).refine(Number.isFinite, `${what} must be a finite number`);
const wholeIn = (what: string, min: number, max: number) =>
  z
    .number({ error: `${what} must be a number` })
    .int(`${what} must be a whole number`)
    .min(min, `${what} must be at least ${min}`)
    .max(max, `${what} must be at most ${max}`);

/** http(s) only, no longer than the column; a Slack incoming-webhook URL or any receiver the team runs. */
export const webhookUrlSchema = z
  .string({ error: "webhookUrl must be a string" })
  .max(2000, "webhookUrl is longer than 2000 characters")
  .refine((s) => {
    try {
      const u = new URL(s);
      return u.protocol === "http:" || u.protocol === "https:";
    } catch {
      return false;
    }
  }, "webhookUrl must be an http or https URL");

/** POST /api/alerts/rules. */
export const newAlertRuleSchema = z
  .strictObject(
    {
      name: plainText("name", 200),
      author: plainText("author", 200),
      scope: z.enum(["platform", "video"], { error: "scope must be platform or video" }),
      videoId: videoIdSchema.optional(),
      metric: z.enum(METRICS, { error: `metric must be one of ${METRICS.join(", ")}` }),
      condition: z.enum(["threshold", "anomaly"], { error: "condition must be threshold or anomaly" }),
      op: z.enum(["above", "below", "either"], { error: "op must be above, below or either" }),
      threshold: finite("threshold").optional(),
      recover: finite("recover").optional(),
      baseline: z.enum(BASELINES, { error: `baseline must be one of ${BASELINES.join(", ")}` }).optional(),
      baselineMinutes: wholeIn("baselineMinutes", 2, 720).optional(),
      z: finite("z")
        .refine((v) => v > 0, "z must be positive")
        .optional(),
      recoverZ: finite("recoverZ")
        .refine((v) => v >= 0, "recoverZ must not be negative")
        .optional(),
      forMinutes: wholeIn("forMinutes", 1, 1440).default(1),
      webhookUrl: webhookUrlSchema.optional(),
    },
    { error: strictObjectError },
  )
  .superRefine((b, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
    const platform = (PLATFORM_METRICS as readonly string[]).includes(b.metric);
    if (b.scope === "platform" && !platform) issue("metric", `a platform rule watches ${PLATFORM_METRICS.join(", ")}`);
    if (b.scope === "video" && platform) issue("metric", `a video rule watches ${VIDEO_METRICS.join(", ")}`);
    if (b.scope === "video" && b.videoId === undefined) issue("videoId", "a video rule needs videoId");
    if (b.scope === "platform" && b.videoId !== undefined) issue("videoId", "a platform rule has no videoId");
    if (b.condition === "threshold") {
      if (b.op === "either") issue("op", "a threshold is crossed above or below, not either");
      if (b.threshold === undefined) issue("threshold", "a threshold rule needs threshold");
      for (const k of ["baseline", "baselineMinutes", "z", "recoverZ"] as const) if (b[k] !== undefined) issue(k, `${k} is for anomaly rules`);
      if (b.threshold !== undefined && b.recover !== undefined) {
        if (b.op === "above" && b.recover > b.threshold) issue("recover", "recover must not be above the threshold (it is where a firing rule resolves)");
        if (b.op === "below" && b.recover < b.threshold) issue("recover", "recover must not be below the threshold (it is where a firing rule resolves)");
      }
    } else {
      if (b.baseline === undefined) issue("baseline", `an anomaly rule needs baseline (${BASELINES.join(" or ")})`);
      for (const k of ["threshold", "recover"] as const) if (b[k] !== undefined) issue(k, `${k} is for threshold rules`);
      const z = b.z ?? DEFAULT_Z;
      if (b.recoverZ !== undefined && b.recoverZ > z) issue("recoverZ", "recoverZ must not exceed z (it is where a firing rule resolves)");
    }
  })
  .transform((b): AlertRuleSpec => {
    const target: AlertTarget =
      b.scope === "video"
        ? { scope: "video", videoId: b.videoId!, metric: b.metric as VideoMetric }
        : { scope: "platform", metric: b.metric as PlatformMetric };
    const condition: AlertCondition =
      b.condition === "threshold"
        ? { kind: "threshold", op: b.op as "above" | "below", threshold: b.threshold!, recover: b.recover ?? b.threshold! }
        : {
            kind: "anomaly",
            op: b.op,
            baseline: b.baseline!,
            baselineMinutes: b.baselineMinutes ?? DEFAULT_BASELINE_MINUTES,
            z: b.z ?? DEFAULT_Z,
            recoverZ: b.recoverZ ?? (b.z ?? DEFAULT_Z) / 2,
          };
    return { name: b.name, author: b.author, target, condition, forMinutes: b.forMinutes, webhookUrl: b.webhookUrl ?? null };
  });

export const DEFAULT_Z = 3;
export const DEFAULT_BASELINE_MINUTES = 60;

/** DELETE /api/alerts/rules/[id], POST /api/alerts/events/[id]/redeliver, DELETE /api/views/[id]. */
export const rowIdParams = z.object({
  id: z
    .string()
    .regex(/^[1-9][0-9]{0,15}$/, "id must be a positive whole number")
    .transform(Number),
});

/** GET /api/alerts/events[?ruleId=]: the newest events, of one rule or all. */
export const alertEventsQuery = z.object({
  ruleId: z
    .string()
    .regex(/^[1-9][0-9]{0,15}$/, "ruleId must be a positive whole number")
    .transform(Number)
    .optional(),
});

/** GET /api/alerts/spans?from=&to=[&videoId=]: the firing periods a chart of [from, to) shows. */
export { annotationsQuery as alertSpansQuery } from "./annotation-schemas";
