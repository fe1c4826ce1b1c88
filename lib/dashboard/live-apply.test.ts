import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { Envelope, ResultMeta } from "./envelope";
import { planDelta, planSnapshot, resumeVersion } from "./live-apply";

const meta = (version: string, watermark = 0): ResultMeta => ({ sql: "SELECT 1", fetchedAt: 0, stale: false, ageSeconds: 0, watermark, version });
const KEYS = { series: ["/api/pulse/series", "?range=1h"], kpis: ["/api/pulse/kpis", "?range=1h"] } as const;
const pt = (t: number, plays: number) => ({ t, plays });

function cacheOf(entries: [readonly unknown[], Envelope<unknown>][]) {
  const m = new Map(entries.map(([k, v]) => [JSON.stringify(k), v]));
  return (key: readonly unknown[]) => m.get(JSON.stringify(key));
}

describe("planSnapshot", () => {
  test("writes each panel the page shows under its key; panels it does not show are ignored", () => {
    const series = { data: { bucket: "minute", points: [pt(1, 2)] }, meta: meta("v1") };
    const kpis = { data: { plays: 5 }, meta: meta("v1") };
    const plan = planSnapshot({ version: "v1", panels: { series, kpis, retention: { data: [], meta: meta("v1") } } }, KEYS);
    assert.deepEqual(plan, {
      ok: true,
      version: "v1",
      writes: [
        [KEYS.series, series],
        [KEYS.kpis, kpis],
      ],
    });
  });
});

describe("planDelta", () => {
  const onScreen = cacheOf([[KEYS.series, { data: { bucket: "minute", points: [pt(1, 10), pt(2, 20), pt(3, 30)] }, meta: meta("v1") }]]);

  test("points: the platform series' window slides and its bucket stays; full: the envelope replaces the panel", () => {
    const kpis = { data: { plays: 9 }, meta: meta("v2") };
    const plan = planDelta(
      {
        version: "v2",
        base: "v1",
        panels: { series: { kind: "points", meta: meta("v2", 4), dropBefore: 2, upsert: [pt(3, 31), pt(4, 40)] }, kpis: { kind: "full", envelope: kpis } },
      },
      "v1",
      KEYS,
      onScreen,
    );
    assert.deepEqual(plan, {
      ok: true,
      version: "v2",
      writes: [
        [KEYS.series, { data: { bucket: "minute", points: [pt(2, 20), pt(3, 31), pt(4, 40)] }, meta: meta("v2", 4) }],
        [KEYS.kpis, kpis],
      ],
    });
  });

  test("a video's series is its array of minutes", () => {
    const keys = { series: ["/api/videos/v/series", ""] };
    const read = cacheOf([[keys.series, { data: [pt(1, 1)], meta: meta("a") }]]);
    const plan = planDelta(
      { version: "b", base: "a", panels: { series: { kind: "points", meta: meta("b"), dropBefore: 0, upsert: [pt(2, 2)] } } },
      "a",
      keys,
      read,
    );
    assert.deepEqual(plan.ok && plan.writes, [[keys.series, { data: [pt(1, 1), pt(2, 2)], meta: meta("b") }]]);
  });

  test("a delta on another version than the one on screen (or on none) is not applied: resync", () => {
    const msg = { version: "v3", base: "v2", panels: {} };
    assert.deepEqual(planDelta(msg, "v1", KEYS, onScreen), { ok: false, reason: "delta from v2, but the page shows v1" });
    assert.equal(planDelta(msg, null, KEYS, onScreen).ok, false);
  });

  test("points for a series with nothing on screen cannot be applied: resync", () => {
    const plan = planDelta(
      { version: "v2", base: "v1", panels: { series: { kind: "points", meta: meta("v2"), dropBefore: 0, upsert: [] } } },
      "v1",
      KEYS,
      cacheOf([]),
    );
    assert.deepEqual(plan, { ok: false, reason: "points for series, which has no series on screen" });
  });
});

describe("resumeVersion", () => {
  test("the version every panel of the stream was loaded at", () => {
    const read = cacheOf([
      [KEYS.series, { data: {}, meta: meta("r7.d1") }],
      [KEYS.kpis, { data: {}, meta: meta("r7.d1") }],
    ]);
    assert.equal(resumeVersion(KEYS, read), "r7.d1");
  });

  test("none when a panel is missing, unversioned, or loaded at another version", () => {
    assert.equal(resumeVersion(KEYS, cacheOf([[KEYS.series, { data: {}, meta: meta("r7") }]])), null);
    const unversioned = { ...meta("x"), version: undefined };
    assert.equal(
      resumeVersion(
        KEYS,
        cacheOf([
          [KEYS.series, { data: {}, meta: unversioned }],
          [KEYS.kpis, { data: {}, meta: unversioned }],
        ]),
      ),
      null,
    );
    assert.equal(
      resumeVersion(
        KEYS,
        cacheOf([
          [KEYS.series, { data: {}, meta: meta("r7") }],
          [KEYS.kpis, { data: {}, meta: meta("r8") }],
        ]),
      ),
      null,
    );
  });
});
