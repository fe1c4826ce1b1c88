import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { Envelope, ResultMeta } from "../../dashboard/envelope";
import { planDelta } from "../../dashboard/live-apply";
import type { PanelDelta } from "../../dashboard/live-messages";
import { diffPanel } from "./panel-diff";

/** 2023-11-14T21:53:00Z, a whole minute (28 333 333 × 60 000). */
const T0 = 1_699_999_980_000;
const MIN = 60_000;

interface Point {
  readonly t: number;
  readonly plays: number;
  readonly likes: number;
}

/** Minute k of the window with the given plays (likes fixed, so only plays tell points apart). */
const p = (k: number, plays: number): Point => ({ t: T0 + k * MIN, plays, likes: 2 });

const meta = (over: Partial<ResultMeta> = {}): ResultMeta => ({
  sql: "SELECT 1",
  fetchedAt: T0 + 5 * MIN,
  stale: false,
  ageSeconds: 0,
  watermark: T0 + 5 * MIN,
  version: "b7",
  ...over,
});

const series = (points: readonly Point[], over: Partial<ResultMeta> = {}, bucket: "minute" | "hour" = "minute"): Envelope<unknown> => ({
  data: { bucket, points },
  meta: meta(over),
});

/** Minutes 0..4 with 10..14 plays, computed at batch 7. */
const PREV = series([p(0, 10), p(1, 11), p(2, 12), p(3, 13), p(4, 14)]);

/** The delta as the browser applies it (lib/dashboard/live-apply.ts) on top of `prev`. */
function applyPanelDelta(prev: Envelope<unknown>, delta: PanelDelta): Envelope<unknown> | undefined {
  const plan = planDelta({ version: "v2", base: "v1", panels: { s: delta } }, "v1", { s: ["s"] }, () => prev);
  return plan.ok ? plan.writes[0]?.[1] : undefined;
}

describe("diffPanel", () => {
  test("nothing a viewer sees changed (only fetchedAt, ageSeconds, version): no delta, whatever the kind", () => {
    const next = series([p(0, 10), p(1, 11), p(2, 12), p(3, 13), p(4, 14)], {
      fetchedAt: T0 + 6 * MIN,
      ageSeconds: 17,
      version: "b8",
    });
    assert.equal(diffPanel(PREV, next, "points"), null);
    assert.equal(diffPanel(PREV, next, "full"), null);
  });

  test("a full panel that changed is sent whole", () => {
    const prev: Envelope<unknown> = { data: { total: 3, rows: [] }, meta: meta() };
    const next: Envelope<unknown> = { data: { total: 4, rows: [] }, meta: meta({ version: "b8" }) };
    const d = diffPanel(prev, next, "full");
    assert.deepEqual(d, { kind: "full", envelope: next });
    assert.equal(d?.kind === "full" && d.envelope, next);
  });

  test("a series that slid one minute and had one late correction sends the front cut and two points", () => {
    // Minute 0 leaves, minute 3 was corrected from 13 to 15 plays, minute 5 is new.
    const nextMeta = { watermark: T0 + 6 * MIN, fetchedAt: T0 + 6 * MIN, version: "b8" };
    const next = series([p(1, 11), p(2, 12), p(3, 15), p(4, 14), p(5, 16)], nextMeta);
    const d = diffPanel(PREV, next, "points");
    assert.deepEqual(d, {
      kind: "points",
      meta: meta(nextMeta),
      dropBefore: T0 + MIN,
      upsert: [
        { t: T0 + 3 * MIN, plays: 15, likes: 2 },
        { t: T0 + 5 * MIN, plays: 16, likes: 2 },
      ],
    });
    // Applied on the client's copy, the delta gives exactly the server's new envelope.
    assert.deepEqual(applyPanelDelta(PREV, d!), next);
  });

  test("only the watermark moved: a points delta with no points and the new meta", () => {
    const next = series([p(0, 10), p(1, 11), p(2, 12), p(3, 13), p(4, 14)], { watermark: T0 + 6 * MIN });
    assert.deepEqual(diffPanel(PREV, next, "points"), { kind: "points", meta: meta({ watermark: T0 + 6 * MIN }), dropBefore: T0, upsert: [] });
  });

  test("turning stale is visible: sent even with the same data", () => {
    const next = series([p(0, 10), p(1, 11), p(2, 12), p(3, 13), p(4, 14)], { stale: true, staleReason: "Trino is not answering" });
    const d = diffPanel(PREV, next, "full");
    assert.deepEqual(d, { kind: "full", envelope: next });
  });

  test("a plain array of minutes (the video page) gets the same points delta", () => {
    const prev: Envelope<unknown> = { data: [p(0, 1), p(1, 2)], meta: meta() };
    const next: Envelope<unknown> = { data: [p(1, 2), p(2, 3)], meta: meta({ version: "b8" }) };
    const d = diffPanel(prev, next, "points");
    assert.deepEqual(d, { kind: "points", meta: meta({ version: "b8" }), dropBefore: T0 + MIN, upsert: [{ t: T0 + 2 * MIN, plays: 3, likes: 2 }] });
    assert.deepEqual(applyPanelDelta(prev, d!), next);
  });

  test("a changed bucket (minute to hour) is sent whole", () => {
    const next = series([p(0, 10), p(1, 11), p(2, 12), p(3, 13), p(4, 14)], {}, "hour");
    assert.deepEqual(diffPanel(PREV, next, "points"), { kind: "full", envelope: next });
  });

  test("a point that vanished from the middle is sent whole", () => {
    const next = series([p(1, 11), p(2, 12), p(4, 14), p(5, 16)]);
    assert.deepEqual(diffPanel(PREV, next, "points"), { kind: "full", envelope: next });
  });

  test("a point that vanished from the end is sent whole", () => {
    const next = series([p(1, 11), p(2, 12), p(3, 13)]);
    assert.deepEqual(diffPanel(PREV, next, "points"), { kind: "full", envelope: next });
  });

  test("the first load (no previous envelope) is sent whole", () => {
    assert.deepEqual(diffPanel(undefined, PREV, "points"), { kind: "full", envelope: PREV });
    assert.deepEqual(diffPanel(undefined, PREV, "full"), { kind: "full", envelope: PREV });
  });

  test("data that is not a series (null, or an object without points) is sent whole", () => {
    const prevNull: Envelope<unknown> = { data: null, meta: meta() };
    assert.deepEqual(diffPanel(prevNull, PREV, "points"), { kind: "full", envelope: PREV });
    const kpis: Envelope<unknown> = { data: { total: 1 }, meta: meta() };
    const kpis2: Envelope<unknown> = { data: { total: 2 }, meta: meta() };
    assert.deepEqual(diffPanel(kpis, kpis2, "points"), { kind: "full", envelope: kpis2 });
  });
});
