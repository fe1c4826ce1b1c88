import assert from "node:assert/strict";
import { test } from "node:test";
import { fmtSig as fmtNumber } from "../../dashboard/format";
import { slackMessage } from "./slack-message";

const T = Date.UTC(2026, 10, 25, 12, 34);

test("numbers: whole ones grouped, others to 4 significant digits", () => {
  assert.deepEqual([fmtNumber(1000), fmtNumber(55 / 86), fmtNumber((1000 - 5.1) / Math.sqrt(8.89)), fmtNumber(null)], ["1,000", "0.6395", "333.7", "n/a"]);
});

test("a threshold rule firing on the platform: Slack text, a red attachment, and the numbers for programs", () => {
  const m = slackMessage(
    {
      eventId: 7,
      ruleId: 3,
      ruleName: "Plays surge",
      target: { scope: "platform", metric: "plays" },
      condition: { kind: "threshold", op: "above", threshold: 500, recover: 200 },
      forMinutes: 2,
      kind: "firing",
      minute: T,
      value: 1000,
      baseline: null,
      z: null,
    },
    { alerts: "https://pulse.example.com/alerts", chart: "https://pulse.example.com/" },
  );
  assert.equal(m.text, "🔴 FIRING: Plays surge (platform): plays per minute 1,000 at 2026-11-25 12:34 UTC <https://pulse.example.com/alerts|alerts>");
  assert.equal(m.attachments[0]!.color, "danger");
  assert.equal(m.attachments[0]!.title_link, "https://pulse.example.com/");
  assert.deepEqual(
    m.attachments[0]!.fields.map((f) => `${f.title}=${f.value}`),
    ["Rule=plays per minute above 500 for 2 min (resolves at ≤ 200)", "Value=1,000", "Threshold=500", "Minute=2026-11-25 12:34 UTC"],
  );
  assert.deepEqual(m.pulse, {
    eventId: 7,
    ruleId: 3,
    kind: "firing",
    minute: "2026-11-25T12:34:00.000Z",
    scope: "platform",
    metric: "plays",
    value: 1000,
    baseline: null,
    z: null,
  });
});

test("an anomaly on a video resolving: green, with baseline and z, and no links without a public URL", () => {
  const m = slackMessage({
    eventId: 8,
    ruleId: 4,
    ruleName: "v1 velocity",
    target: { scope: "video", videoId: "v1", metric: "velocity" },
    condition: { kind: "anomaly", op: "either", baseline: "rolling", baselineMinutes: 10, z: 3, recoverZ: 1 },
    forMinutes: 1,
    kind: "resolved",
    minute: T,
    value: 4.5,
    baseline: 5.1,
    z: -0.2,
  });
  assert.equal(m.text, "✅ RESOLVED: v1 velocity (video v1): velocity (plays/min) 4.5 (baseline 5.1, z = -0.2) at 2026-11-25 12:34 UTC");
  assert.equal(m.attachments[0]!.color, "good");
  assert.equal("title_link" in m.attachments[0]!, false);
  assert.deepEqual(m.pulse.videoId, "v1");
  assert.equal(
    m.attachments[0]!.fields[0]!.value,
    "velocity (plays/min): |z| ≥ 3 against rolling mean of the minutes before (10 min) for 1 min (resolves below 1)",
  );
});
