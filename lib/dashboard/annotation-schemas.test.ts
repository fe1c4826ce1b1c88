import assert from "node:assert/strict";
import { test } from "node:test";
import { annotationIdParams, annotationsQuery, newAnnotationSchema } from "./annotation-schemas";

const T = Date.UTC(2026, 10, 24, 12, 0);
const valid = { kind: "deploy", text: "api v42", author: "ci", at: "2026-11-24T12:00Z" };
const errorOf = (body: unknown) => {
  const r = newAnnotationSchema.safeParse(body);
  return r.success ? undefined : r.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
};

test("a deploy at a minute, with the source defaulting to api; a span keeps its end", () => {
  assert.deepEqual(newAnnotationSchema.parse(valid), { kind: "deploy", text: "api v42", author: "ci", source: "api", at: T });
  assert.deepEqual(newAnnotationSchema.parse({ ...valid, kind: "incident", endsAt: "2026-11-24T12:45+00:00", videoId: "v_1", source: "github-actions" }), {
    kind: "incident",
    text: "api v42",
    author: "ci",
    source: "github-actions",
    at: T,
    endsAt: T + 45 * 60_000,
    videoId: "v_1",
  });
});

test("hostile or malformed bodies are refused with a message naming the field", () => {
  assert.equal(errorOf([valid]), ": the body must be a JSON object");
  assert.equal(errorOf(null), ": the body must be a JSON object");
  assert.equal(errorOf({ ...valid, admin: true }), ": unknown field(s): admin");
  assert.equal(errorOf({ ...valid, kind: "party" }), "kind: kind must be one of deploy, incident, note");
  assert.equal(errorOf({ ...valid, text: "   " }), "text: text is empty");
  assert.equal(errorOf({ ...valid, text: "x".repeat(2001) }), "text: text is longer than 2000 characters");
  assert.equal(errorOf({ ...valid, text: "bell\u0007" }), "text: text contains control characters");
  assert.equal(errorOf({ ...valid, author: 42 }), "author: author must be a string");
  assert.equal(errorOf({ ...valid, at: "yesterday" }), "at: timestamp must be ISO-8601 with a zone, e.g. 2026-11-24T12:00Z");
  assert.equal(errorOf({ ...valid, videoId: "x'; DROP TABLE pulse_ops.annotations; --" }), "videoId: video id may contain only letters, digits, '_' and '-'");
  assert.equal(errorOf({ ...valid, endsAt: "2026-11-24T11:59Z" }), "endsAt: endsAt must not be before at");
  assert.equal(errorOf({ ...valid, endsAt: "2026-12-26T12:00Z" }), "endsAt: a span may last at most 31 days");
});

test("text that looks like SQL is only text: it passes validation and is stored as written", () => {
  const text = "'); DELETE FROM pulse_ops.annotations; --";
  assert.equal(newAnnotationSchema.parse({ ...valid, text }).text, text);
});

test("the list's window and the delete's id", () => {
  assert.deepEqual(annotationsQuery.parse({ from: "2026-11-24T11:00Z", to: "2026-11-24T12:00Z" }), { from: T - 3_600_000, to: T });
  assert.equal(annotationsQuery.safeParse({ from: "2026-11-24T12:00Z", to: "2026-11-24T12:00Z" }).success, false);
  assert.equal(annotationsQuery.safeParse({ from: "2025-01-01T00:00Z", to: "2026-11-24T12:00Z" }).success, false);
  assert.deepEqual(annotationIdParams.parse({ id: "17" }), { id: 17 });
  for (const id of ["0", "-1", "1.5", "1e3", "99999999999999999", "1 OR 1=1"]) assert.equal(annotationIdParams.safeParse({ id }).success, false, id);
});
