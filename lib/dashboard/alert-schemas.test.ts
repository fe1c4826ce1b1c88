import assert from "node:assert/strict";
import { test } from "node:test";
import { newAlertRuleSchema } from "./alert-schemas";

const threshold = {
  name: "Plays surge",
  author: "ops",
  scope: "platform",
  metric: "plays",
  condition: "threshold",
  op: "above",
  threshold: 500,
  recover: 200,
  forMinutes: 2,
};
const anomaly = { name: "v1 spike", author: "pm", scope: "video", videoId: "v1", metric: "velocity", condition: "anomaly", op: "either", baseline: "week" };
const errorOf = (body: unknown) => {
  const r = newAlertRuleSchema.safeParse(body);
  return r.success ? undefined : r.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
};

test("a flat body becomes a rule spec; anomaly defaults: 60 baseline minutes, z 3, recovery at z/2, for 1 minute", () => {
  assert.deepEqual(newAlertRuleSchema.parse({ ...threshold, webhookUrl: "https://hooks.slack.com/services/T/B/X" }), {
    name: "Plays surge",
    author: "ops",
    target: { scope: "platform", metric: "plays" },
    condition: { kind: "threshold", op: "above", threshold: 500, recover: 200 },
    forMinutes: 2,
    webhookUrl: "https://hooks.slack.com/services/T/B/X",
  });
  assert.deepEqual(newAlertRuleSchema.parse(anomaly), {
    name: "v1 spike",
    author: "pm",
    target: { scope: "video", videoId: "v1", metric: "velocity" },
    condition: { kind: "anomaly", op: "either", baseline: "week", baselineMinutes: 60, z: 3, recoverZ: 1.5 },
    forMinutes: 1,
    webhookUrl: null,
  });
  // Without recover a threshold resolves where it fires.
  assert.deepEqual(newAlertRuleSchema.parse({ ...threshold, recover: undefined }).condition, { kind: "threshold", op: "above", threshold: 500, recover: 500 });
});

test("rules that cannot work are refused, naming the field", () => {
  assert.equal(errorOf({ ...threshold, metric: "velocity" }), "metric: a platform rule watches plays, completion_rate, likes_per_1k, shares_per_1k");
  assert.equal(errorOf({ ...anomaly, videoId: undefined }), "videoId: a video rule needs videoId");
  assert.equal(errorOf({ ...threshold, videoId: "v1" }), "videoId: a platform rule has no videoId");
  assert.equal(errorOf({ ...threshold, op: "either" }), "op: a threshold is crossed above or below, not either");
  assert.equal(errorOf({ ...threshold, recover: 600 }), "recover: recover must not be above the threshold (it is where a firing rule resolves)");
  assert.equal(
    errorOf({ ...threshold, op: "below", threshold: 0.5, recover: 0.4, metric: "completion_rate" }),
    "recover: recover must not be below the threshold (it is where a firing rule resolves)",
  );
  assert.equal(errorOf({ ...threshold, threshold: undefined, recover: undefined }), "threshold: a threshold rule needs threshold");
  assert.equal(errorOf({ ...threshold, z: 3 }), "z: z is for anomaly rules");
  assert.equal(errorOf({ ...anomaly, baseline: undefined }), "baseline: an anomaly rule needs baseline (rolling or week)");
  assert.equal(errorOf({ ...anomaly, z: 2, recoverZ: 2.5 }), "recoverZ: recoverZ must not exceed z (it is where a firing rule resolves)");
  assert.equal(errorOf({ ...anomaly, threshold: 3 }), "threshold: threshold is for threshold rules");
});

test("hostile or malformed bodies are refused", () => {
  assert.equal(errorOf([threshold]), ": the body must be a JSON object");
  assert.equal(errorOf({ ...threshold, admin: true }), ": unknown field(s): admin");
  assert.equal(errorOf({ ...threshold, threshold: "1e999" }), "threshold: threshold must be a number");
  assert.equal(errorOf({ ...threshold, forMinutes: 1.5 }), "forMinutes: forMinutes must be a whole number");
  assert.equal(errorOf({ ...threshold, forMinutes: 100_000 }), "forMinutes: forMinutes must be at most 1440");
  assert.equal(errorOf({ ...anomaly, baselineMinutes: 1 }), "baselineMinutes: baselineMinutes must be at least 2");
  assert.equal(errorOf({ ...anomaly, videoId: "v1' OR 1=1 --" }), "videoId: video id may contain only letters, digits, '_' and '-'");
  assert.equal(errorOf({ ...threshold, webhookUrl: "file:///etc/passwd" }), "webhookUrl: webhookUrl must be an http or https URL");
  assert.equal(errorOf({ ...threshold, webhookUrl: "javascript:alert(1)" }), "webhookUrl: webhookUrl must be an http or https URL");
  assert.equal(errorOf({ ...threshold, name: "x".repeat(201) }), "name: name is longer than 200 characters");
  assert.equal(
    errorOf({ ...threshold, metric: "plays; DROP TABLE x" }),
    "metric: metric must be one of plays, completion_rate, likes_per_1k, shares_per_1k, velocity, acceleration",
  );
});
