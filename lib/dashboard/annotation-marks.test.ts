import assert from "node:assert/strict";
import { test } from "node:test";
import { alertMarks, annotationMarks } from "./annotation-marks";
import type { Annotation } from "./annotations";

const MIN = 60_000;
const T = Date.UTC(2026, 10, 24, 12, 0);
// Ten one-minute buckets, 12:00 … 12:09.
const times = Array.from({ length: 10 }, (_, i) => T + i * MIN);
const note = (id: number, at: number, endsAt: number | null = null, kind: Annotation["kind"] = "deploy"): Annotation => ({
  id,
  kind,
  at,
  endsAt,
  videoId: null,
  text: `n${id}`,
  author: "a",
  source: "api",
  createdAt: 0,
});

test("a point marks the bucket holding its minute; the last bucket's minute counts, the next does not", () => {
  assert.deepEqual(
    annotationMarks(times, MIN, [note(1, T + 3 * MIN), note(2, T + 9 * MIN + 30_000), note(3, T + 10 * MIN), note(4, T - 1)]).map((m) => [
      m.id,
      m.from,
      m.to,
      m.span,
    ]),
    [
      [1, 3, 3, false],
      [2, 9, 9, false],
    ],
  );
});

test("a span shades its buckets, clipped to the chart on either side; one wholly before is left out", () => {
  const marks = annotationMarks(times, MIN, [
    note(1, T + 2 * MIN, T + 4 * MIN, "incident"),
    note(2, T - 30 * MIN, T + MIN, "incident"),
    note(3, T + 8 * MIN, T + 60 * MIN, "incident"),
    note(4, T - 30 * MIN, T - MIN, "incident"),
  ]);
  assert.deepEqual(
    marks.map((m) => [m.id, m.from, m.to, m.span, m.label]),
    [
      [1, 2, 4, true, "incident: n1"],
      [2, 0, 1, true, "incident: n2"],
      [3, 8, 9, true, "incident: n3"],
    ],
  );
});

test("hour buckets: a moment inside an hour marks that hour", () => {
  const hours = [T, T + 60 * MIN];
  assert.deepEqual(
    annotationMarks(hours, 60 * MIN, [note(1, T + 90 * MIN)]).map((m) => m.from),
    [1],
  );
  assert.deepEqual(annotationMarks([], MIN, [note(1, T)]), []);
});

test("alert spans: fired to resolved, or to the chart's end while still firing; outside ones left out", () => {
  const span = (ruleId: number, from: number, to: number | null) => ({ ruleId, ruleName: `r${ruleId}`, videoId: null, from, to });
  const marks = alertMarks(times, MIN, [
    span(1, T + 2 * MIN, T + 4 * MIN),
    span(2, T + 8 * MIN, null),
    span(3, T - 20 * MIN, T - 5 * MIN),
    span(4, T - MIN, T + MIN),
  ]);
  assert.deepEqual(
    marks.map((m) => [m.id, m.kind, m.from, m.to, m.span, m.label]),
    [
      [-1, "alert", 2, 4, true, "alert: r1"],
      [-2, "alert", 8, 9, true, "alert: r2 (firing)"],
      [-4, "alert", 0, 1, true, "alert: r4"],
    ],
  );
});
