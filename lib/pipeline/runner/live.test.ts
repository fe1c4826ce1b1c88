import assert from "node:assert/strict";
import test from "node:test";
import { type EventRecord, eventRecord } from "../../kafka/event-record";
import { TOPICS } from "../../kafka/topics";
import { appendLiveRecords, dueDates } from "./live";
import { splitChanges, startSimulation, toBronze } from "./simulation-source";

const at = (iso: string) => Date.parse(iso);

test("a day's jobs are due from 09:00 UTC the next morning", () => {
  assert.deepEqual(dueDates(at("2026-11-24T08:59:59Z"), new Set(["2026-11-22"]), 2), []);
  assert.deepEqual(dueDates(at("2026-11-24T09:00:00Z"), new Set(["2026-11-22"]), 2), ["2026-11-23"]);
});

test("missed days are caught up oldest first, done days skipped", () => {
  assert.deepEqual(dueDates(at("2026-11-24T12:00:00Z"), new Set(["2026-11-22"]), 4), ["2026-11-20", "2026-11-21", "2026-11-23"]);
  assert.deepEqual(dueDates(at("2026-11-24T12:00:00Z"), new Set(), 0), []);
});

test("a tick after hours stopped publishes its whole slice: more records than a call takes arguments, in order, changes after events", () => {
  // 8 night hours at 1,500,000 events a day: about 240,000 events, beyond the ~125,000 arguments a spread push takes.
  const start = at("2026-11-20T00:00:00Z");
  const sim = startSimulation({ seed: 3, startMs: start, videos: 50, users: 500, eventsPerDay: 1_500_000 });
  sim.advance(start + 60_000);
  const slice = sim.advance(start + 8 * 3_600_000);
  const changes = splitChanges(slice.changes);
  assert.ok(slice.events.length > 150_000, `${slice.events.length} events`);
  assert.ok(changes.videos.length + changes.users.length > 0, "the slice has dimension changes too");
  const backlog: EventRecord[] = [eventRecord(toBronze(slice.events[0]!), null, 1)];
  appendLiveRecords(backlog, slice, 2);
  assert.equal(backlog.length, 1 + slice.events.length + changes.videos.length + changes.users.length);
  // What was there stays first; then the events in the slice's order, then video and user changes.
  assert.equal(backlog[0]!.timestamp, 1n);
  assert.deepEqual(backlog[1], eventRecord(toBronze(slice.events[0]!), null, 2));
  assert.deepEqual(backlog[slice.events.length], eventRecord(toBronze(slice.events.at(-1)!), null, 2));
  const topics = backlog.slice(1 + slice.events.length).map((r) => r.topic);
  assert.deepEqual(topics, [...changes.videos.map(() => TOPICS.videos.name), ...changes.users.map(() => TOPICS.users.name)]);
});
