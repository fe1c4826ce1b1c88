/**
 * The Kafka ingest against the test instance's real broker and Trino: records published to
 * pulse.events reach Bronze exactly once through Trino's Kafka connector, bad records reach the
 * dead letters with their reason, and a crash on either side of the Bronze commit, or a broker
 * restart mid-stream, loses and doubles nothing.
 *
 * Each test publishes events whose ids start with its own run prefix, first catching the ingest up
 * with whatever the topic already holds, and ends with the invariant the issue asks for: every
 * record of the test is in Bronze or the dead letters exactly once (one row per partition and
 * offset), and Bronze's distinct event ids are exactly the distinct events produced.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { Producer, stringSerializers } from "@platformatic/kafka";
import { kafkaStatus, startKafka, stopKafka } from "../../../tools/kafka/server";
import { requireTestInstance, rows, testInstance } from "../../../tools/testing/trino-fixtures";
import { endOffsets } from "../../kafka/end-offsets";
import { eventRecord } from "../../kafka/event-record";
import { KafkaPublisher } from "../../kafka/publisher";
import { TOPICS } from "../../kafka/topics";
import { connectionFor } from "../../lakehouse/connection";
import { kafkaBootstrap } from "../../lakehouse/settings";
import type { BronzeEvent } from "../bronze/event";
import { type IngestCursor, type IngestResult, runKafkaIngest, SimulatedIngestCrash } from "./ingest";

const writer = () => connectionFor(testInstance, "writer");
const bootstrap = () => kafkaBootstrap(testInstance);
const ends = () => endOffsets(bootstrap(), TOPICS.events.name, TOPICS.events.partitions);
const PAYLOAD = JSON.stringify({ device_model: "Pixel 8", network: "wifi", app_ver: "8.2.0", watch_time_ms: 0 });

let publisher: KafkaPublisher;

before(async () => {
  requireTestInstance();
  publisher = new KafkaPublisher(bootstrap(), "pulse-ingest-itest");
});
after(async () => {
  // Its connection may have died with the restarted broker.
  await publisher.close().catch(() => undefined);
});

const ev = (id: string, video: string, tsMs: number, type = "impression"): BronzeEvent => ({
  event_id: id,
  event_timestamp: tsMs,
  video_id: video,
  user_id: "u_itest",
  event_type: type,
  raw_payload: PAYLOAD,
});

/** Ingests until the topic's current end, so a test's batch holds only its own records. */
async function catchUp(): Promise<IngestResult[]> {
  const out: IngestResult[] = [];
  for (;;) {
    const r = await runKafkaIngest(writer(), await ends(), { timeoutMs: 120_000 });
    out.push(r);
    if (r.skipped) return out;
  }
}

interface Landed {
  readonly bronze: number;
  readonly bronzeDistinctIds: number;
  readonly bronzeOffsetsTwice: number;
  readonly dead: number;
}

async function landed(prefix: string): Promise<Landed> {
  const [b] = await rows<{ n: number; ids: number; twice: number }>(
    "admin",
    `SELECT count(*) AS n, count(DISTINCT event_id) AS ids, count(*) - count(DISTINCT (kafka_partition, kafka_offset)) AS twice
     FROM lakehouse.bronze.raw_events WHERE starts_with(event_id, :p)`,
    { p: prefix },
  );
  const [d] = await rows<{ n: number }>("admin", "SELECT count(*) AS n FROM lakehouse.bronze.dead_letters WHERE strpos(message_prefix, :p) > 0", { p: prefix });
  return { bronze: Number(b!.n), bronzeDistinctIds: Number(b!.ids), bronzeOffsetsTwice: Number(b!.twice), dead: Number(d!.n) };
}

const runPrefix = (name: string) => `${name}-${Date.now().toString(36)}-`;

test("records reach Bronze once with their partition and offset; duplicates stay records, late events keep their time", async () => {
  await catchUp();
  const p = runPrefix("dup");
  const now = Date.now();
  const events = [ev(`${p}1`, "v_a", now - 5_000), ev(`${p}2`, "v_b", now - 4_000), ev(`${p}3`, "v_c", now - 3_000), ev(`${p}late`, "v_a", now - 3_600_000)];
  // e1 and e2 delivered twice (a client's retry): 6 records, 4 distinct events.
  const records = [...events, events[0]!, events[1]!].map((e) => eventRecord(e, null, now));
  await publisher.publish(records);
  const before = await ends();
  const r = await runKafkaIngest(writer(), before, { timeoutMs: 120_000 });
  assert.equal(r.records, 6);
  assert.deepEqual([r.bronzeRows, r.deadLetters], [6, 0]);
  assert.deepEqual(await landed(p), { bronze: 6, bronzeDistinctIds: 4, bronzeOffsetsTwice: 0, dead: 0 });
  // The late event keeps its own event time; ingested_at is the ingest's processing time.
  const [late] = await rows<{ ev: number; lag: number }>(
    "admin",
    "SELECT to_unixtime(event_timestamp) * 1000 AS ev, to_unixtime(ingested_at) - to_unixtime(event_timestamp) AS lag FROM lakehouse.bronze.raw_events WHERE event_id = :id",
    { id: `${p}late` },
  );
  assert.equal(Number(late!.ev), now - 3_600_000);
  assert.ok(Number(late!.lag) >= 3_600 && Number(late!.lag) < 3_900, `ingested about an hour after the event, not ${late!.lag} s`);
  // Nothing new: the next run reads nothing.
  assert.equal((await runKafkaIngest(writer(), await ends())).skipped, true);
});

test("a backfill honours each record's delivery-time header; a live ingest does not", async () => {
  await catchUp();
  const p = runPrefix("bf");
  const now = Date.now();
  const delivered = Date.UTC(2026, 10, 20, 10, 1, 10);
  await publisher.publish([eventRecord(ev(`${p}1`, "v_a", Date.UTC(2026, 10, 20, 10, 0, 5)), delivered, now)]);
  await runKafkaIngest(writer(), await ends(), { backfill: true, timeoutMs: 120_000 });
  await publisher.publish([eventRecord(ev(`${p}2`, "v_a", Date.UTC(2026, 10, 20, 10, 0, 5)), delivered, now)]);
  await runKafkaIngest(writer(), await ends(), { timeoutMs: 120_000 });
  const got = await rows<{ event_id: string; ingested: number }>(
    "admin",
    "SELECT event_id, to_unixtime(ingested_at) * 1000 AS ingested FROM lakehouse.bronze.raw_events WHERE starts_with(event_id, :p) ORDER BY event_id",
    { p },
  );
  assert.equal(Number(got[0]!.ingested), delivered);
  assert.ok(Number(got[1]!.ingested) >= now - 1_000, "the live ingest stamps its own processing time");
});

test("each poison record becomes a dead letter with its reason, topic and offset; ingestion goes on", async () => {
  await catchUp();
  const p = runPrefix("poison");
  const now = Date.now();
  const good = `{"event_id":"${p}ok","event_timestamp":${now},"video_id":"v_a","user_id":"u","event_type":"like","payload":{}}`;
  const poison: [string, string][] = [
    [`not JSON ${p}`, "not JSON"],
    [`{"event_id":"${p}m","video_id":"v","user_id":"u","event_type":"like","payload":{}}`, "missing field: event_timestamp"],
    [`{"event_id":"${p}t","event_timestamp":${now},"video_id":"v","user_id":"u","event_type":"explode","payload":{}}`, "unknown event_type: explode"],
    [
      `{"event_id":"${p}f","event_timestamp":${now + 365 * 86_400_000},"video_id":"v","user_id":"u","event_type":"like","payload":{}}`,
      "event_timestamp more than a day in the future",
    ],
    [
      `{"event_id":"${p}w","event_timestamp":"yesterday","video_id":"v","user_id":"u","event_type":"like","payload":{}}`,
      "a field has the wrong type: event_timestamp is epoch milliseconds, the ids and event_type are strings, payload is an object",
    ],
    [
      `{"event_id":{"id":"${p}o"},"event_timestamp":${now},"video_id":"v","user_id":"u","event_type":"like","payload":{}}`,
      "a field has the wrong type: event_timestamp is epoch milliseconds, the ids and event_type are strings, payload is an object",
    ],
    [
      `{"event_id":"${p}s","event_timestamp":${now},"video_id":"v","user_id":"u","event_type":"like","payload":"{not an object"}`,
      "payload is not a JSON object",
    ],
    [`${p}${"x".repeat(10 * 1024 * 1024)}`, `too large: ${p.length + 10 * 1024 * 1024} bytes (at most 1048576)`],
  ];
  const raw = new Producer({ clientId: "pulse-poison-itest", bootstrapBrokers: [bootstrap()], serializers: stringSerializers });
  try {
    // One partition (0), in this order, with a good record after them: ingestion does not stop.
    for (const [value] of poison) await raw.send({ messages: [{ topic: TOPICS.events.name, partition: 0, key: "poison", value }] });
    await raw.send({ messages: [{ topic: TOPICS.events.name, partition: 0, key: "v_a", value: good }] });
  } finally {
    await raw.close();
  }
  const r = await runKafkaIngest(writer(), await ends(), { timeoutMs: 120_000 });
  assert.deepEqual([r.records, r.bronzeRows, r.deadLetters], [poison.length + 1, 1, poison.length]);
  const dead = await rows<{ topic: string; kafka_partition: number; kafka_offset: number; reason: string; batch_id: number }>(
    "admin",
    "SELECT topic, kafka_partition, kafka_offset, reason, batch_id FROM lakehouse.bronze.dead_letters WHERE strpos(message_prefix, :p) > 0 ORDER BY kafka_offset",
    { p },
  );
  const first = r.ranges.find(([q]) => q === 0)![1];
  assert.deepEqual(
    dead.map((d) => [d.topic, d.kafka_partition, Number(d.kafka_offset), d.reason, Number(d.batch_id)]),
    poison.map(([, reason], i) => ["pulse.events", 0, first + i, reason, r.batchId]),
  );
  assert.deepEqual(await landed(p), { bronze: 1, bronzeDistinctIds: 1, bronzeOffsetsTwice: 0, dead: poison.length });
});

for (const when of ["after 'started', before the Bronze commit", "after the Bronze commit, before the checkpoint"] as const) {
  test(`a crash ${when}: the next run finishes the batch, nothing lost or doubled`, async () => {
    await catchUp();
    const p = runPrefix("crash");
    const now = Date.now();
    const events = Array.from({ length: 40 }, (_, i) => ev(`${p}${i}`, `v_${i % 7}`, now - i * 1_000));
    await publisher.publish(events.map((e) => eventRecord(e, null, now)));
    const at = await ends();
    const crash = when.startsWith("after 'started'") ? { crashAfterStarted: true } : { crashAfterBronze: true };
    await assert.rejects(runKafkaIngest(writer(), at, { timeoutMs: 120_000, ...crash }), SimulatedIngestCrash);
    assert.deepEqual(await landed(p), {
      bronze: crash.crashAfterBronze ? 40 : 0,
      bronzeDistinctIds: crash.crashAfterBronze ? 40 : 0,
      bronzeOffsetsTwice: 0,
      dead: 0,
    });
    const recovered = await runKafkaIngest(writer(), await ends(), { timeoutMs: 120_000 });
    assert.equal(recovered.recovered, true);
    assert.deepEqual([recovered.records, recovered.bronzeRows], [40, 40]);
    assert.deepEqual(await landed(p), { bronze: 40, bronzeDistinctIds: 40, bronzeOffsetsTwice: 0, dead: 0 });
    assert.equal((await runKafkaIngest(writer(), await ends())).skipped, true);
  });
}

test("a broker restart mid-stream: what was published before and after is ingested once", async () => {
  await catchUp();
  const p = runPrefix("restart");
  const now = Date.now();
  const first = Array.from({ length: 30 }, (_, i) => ev(`${p}a${i}`, `v_${i % 5}`, now - i * 1_000));
  const second = Array.from({ length: 30 }, (_, i) => ev(`${p}b${i}`, `v_${i % 5}`, now - i * 1_000));
  await publisher.publish(first.map((e) => eventRecord(e, null, now)));
  await stopKafka(testInstance);
  assert.equal((await kafkaStatus(testInstance)).running, false);
  // While the broker is down the ingest cannot learn the end offsets: it fails and changes nothing.
  await assert.rejects(ends());
  await startKafka(testInstance);
  // A new publisher (the old one's connection died with the broker) sends the rest.
  const again = new KafkaPublisher(bootstrap(), "pulse-ingest-itest-2");
  try {
    await again.publish(second.map((e) => eventRecord(e, null, now)));
  } finally {
    await again.close();
  }
  await catchUp();
  assert.deepEqual(await landed(p), { bronze: 60, bronzeDistinctIds: 60, bronzeOffsetsTwice: 0, dead: 0 });
});

test("a live loop's cursor: no checkpoint read while nothing is new; forgotten after a crash, so the next run recovers", async () => {
  await catchUp();
  const p = runPrefix("cursor");
  const now = Date.now();
  const cursor: IngestCursor = {};
  await publisher.publish([0, 1, 2].map((i) => eventRecord(ev(`${p}${i}`, `v_${i}`, now - i * 1_000), null, now)));
  const first = await runKafkaIngest(writer(), await ends(), { timeoutMs: 120_000, cursor });
  assert.equal(first.records, 3);
  // Nothing new: the run must not reach Trino (this connection points at a closed port).
  const nowhere = { ...writer(), server: "https://127.0.0.1:1" };
  const idle = await runKafkaIngest(nowhere, await ends(), { timeoutMs: 120_000, cursor });
  assert.deepEqual([idle.skipped, idle.batchId], [true, first.batchId]);
  // A crash after the Bronze commit clears the cursor; the next run reads the table, finds the
  // interrupted batch and finishes it: each event once.
  await publisher.publish([3, 4].map((i) => eventRecord(ev(`${p}${i}`, `v_${i}`, now - i * 1_000), null, now)));
  await assert.rejects(runKafkaIngest(writer(), await ends(), { timeoutMs: 120_000, cursor, crashAfterBronze: true }), SimulatedIngestCrash);
  assert.equal(cursor.last, undefined);
  const recovered = await runKafkaIngest(writer(), await ends(), { timeoutMs: 120_000, cursor });
  assert.deepEqual([recovered.recovered, recovered.records, recovered.batchId], [true, 2, first.batchId + 1]);
  assert.deepEqual(await landed(p), { bronze: 5, bronzeDistinctIds: 5, bronzeOffsetsTwice: 0, dead: 0 });
});
