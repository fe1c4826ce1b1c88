import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { Envelope, ResultMeta } from "./envelope";
import { applyPanelDelta, applyPoints, type PanelDelta, pointsOf, withPoints } from "./live-events";

interface Point {
  readonly t: number;
  readonly v: number;
}

const meta = (version: string): ResultMeta => ({ sql: "SELECT 1", fetchedAt: 1000, stale: false, ageSeconds: 0, watermark: 500, version });

describe("applyPoints", () => {
  test("drops points before dropBefore, replaces by t, inserts new ones, sorted by t", () => {
    const points: Point[] = [
      { t: 100, v: 1 },
      { t: 200, v: 2 },
      { t: 300, v: 3 },
      { t: 400, v: 4 },
    ];
    const upsert: Point[] = [
      { t: 600, v: 6 }, // new, given out of order
      { t: 300, v: 30 }, // late correction
      { t: 500, v: 5 }, // new
      { t: 150, v: 99 }, // before the cut: ignored
    ];
    assert.deepEqual(applyPoints(points, 200, upsert), [
      { t: 200, v: 2 },
      { t: 300, v: 30 },
      { t: 400, v: 4 },
      { t: 500, v: 5 },
      { t: 600, v: 6 },
    ]);
    // The input is not modified.
    assert.deepEqual(points[2], { t: 300, v: 3 });
  });

  test("a cut past every point and no upsert empties the series", () => {
    assert.deepEqual(applyPoints([{ t: 1, v: 1 }], Number.MAX_SAFE_INTEGER, []), []);
  });

  test("from no points, upserts become the series", () => {
    assert.deepEqual(
      applyPoints<Point>([], 0, [
        { t: 20, v: 2 },
        { t: 10, v: 1 },
      ]),
      [
        { t: 10, v: 1 },
        { t: 20, v: 2 },
      ],
    );
  });
});

describe("pointsOf / withPoints", () => {
  test("read and replace the points of both series shapes", () => {
    const arr = [{ t: 1 }];
    assert.equal(pointsOf(arr), arr);
    assert.deepEqual(pointsOf({ bucket: "hour", points: arr }), arr);
    assert.equal(pointsOf({ total: 3 }), undefined);
    assert.equal(pointsOf(null), undefined);
    assert.deepEqual(withPoints([{ t: 1 }], [{ t: 2 }]), [{ t: 2 }]);
    assert.deepEqual(withPoints({ bucket: "hour", points: [{ t: 1 }] }, [{ t: 2 }]), { bucket: "hour", points: [{ t: 2 }] });
  });
});

describe("applyPanelDelta", () => {
  const delta: PanelDelta = {
    kind: "points",
    meta: meta("b8"),
    dropBefore: 200,
    upsert: [
      { t: 300, v: 30 },
      { t: 400, v: 4 },
    ] as Point[],
  };

  test("a points delta on the Pulse chart's { bucket, points } keeps the bucket and takes the new meta", () => {
    const prev: Envelope<unknown> = {
      data: {
        bucket: "minute",
        points: [
          { t: 100, v: 1 },
          { t: 200, v: 2 },
          { t: 300, v: 3 },
        ],
      },
      meta: meta("b7"),
    };
    assert.deepEqual(applyPanelDelta(prev, delta), {
      data: {
        bucket: "minute",
        points: [
          { t: 200, v: 2 },
          { t: 300, v: 30 },
          { t: 400, v: 4 },
        ],
      },
      meta: meta("b8"),
    });
  });

  test("a points delta on the video page's plain array of minutes", () => {
    const prev: Envelope<unknown> = {
      data: [
        { t: 100, v: 1 },
        { t: 200, v: 2 },
        { t: 300, v: 3 },
      ],
      meta: meta("b7"),
    };
    assert.deepEqual(applyPanelDelta(prev, delta), {
      data: [
        { t: 200, v: 2 },
        { t: 300, v: 30 },
        { t: 400, v: 4 },
      ],
      meta: meta("b8"),
    });
  });

  test("a points delta without a base (no envelope, or one without points) gives undefined", () => {
    assert.equal(applyPanelDelta(undefined, delta), undefined);
    assert.equal(applyPanelDelta({ data: { total: 3 }, meta: meta("b7") }, delta), undefined);
  });

  test("a full delta is the new envelope, base or not", () => {
    const envelope: Envelope<unknown> = { data: { total: 4 }, meta: meta("b8") };
    assert.equal(applyPanelDelta(undefined, { kind: "full", envelope }), envelope);
    assert.equal(applyPanelDelta({ data: { total: 3 }, meta: meta("b7") }, { kind: "full", envelope }), envelope);
  });
});
