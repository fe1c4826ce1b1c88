import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { parseDelta, parseSnapshot, parseStatus } from "./live-messages";

const meta = { sql: "", fetchedAt: 1, stale: false, ageSeconds: 0, watermark: null, version: "v1" };

describe("live stream messages", () => {
  test("a snapshot: a version and an envelope per panel", () => {
    const msg = { version: "v1", panels: { kpis: { data: { plays: 1 }, meta } } };
    assert.deepEqual(parseSnapshot(JSON.stringify(msg)), msg);
    assert.equal(parseSnapshot(JSON.stringify({ version: "v1", panels: { kpis: { data: 1 } } })), null, "an envelope without meta");
    assert.equal(parseSnapshot(JSON.stringify({ panels: {} })), null, "no version");
    assert.equal(parseSnapshot("not json"), null);
  });

  test("a delta: full envelopes or points with a window start", () => {
    const msg = {
      version: "v2",
      base: "v1",
      panels: {
        kpis: { kind: "full", envelope: { data: {}, meta } },
        series: { kind: "points", meta, dropBefore: 60_000, upsert: [{ t: 120_000, plays: 3 }] },
      },
    };
    assert.deepEqual(parseDelta(JSON.stringify(msg)), msg);
    assert.equal(parseDelta(JSON.stringify({ ...msg, base: undefined })), null, "no base");
    assert.equal(
      parseDelta(JSON.stringify({ ...msg, panels: { series: { kind: "points", meta, dropBefore: "0", upsert: [] } } })),
      null,
      "dropBefore not a number",
    );
    assert.equal(
      parseDelta(JSON.stringify({ ...msg, panels: { series: { kind: "points", meta, dropBefore: 0, upsert: [{ plays: 1 }] } } })),
      null,
      "a point without t",
    );
    assert.equal(parseDelta(JSON.stringify({ ...msg, panels: { kpis: { kind: "patch" } } })), null, "an unknown kind");
  });

  test("a status: live, or degraded with its reason", () => {
    assert.deepEqual(parseStatus('{"state":"degraded","reason":"Trino unreachable"}'), { state: "degraded", reason: "Trino unreachable" });
    assert.deepEqual(parseStatus('{"state":"live"}'), { state: "live" });
    assert.equal(parseStatus('{"state":"down"}'), null);
  });
});
