/**
 * Dims CDC through the test instance's real Kafka and Trino: changes are published to
 * pulse.cdc.videos / pulse.cdc.users and applied by the CDC ingest. Fixture (T0 = 2026-11-20 00:00 UTC):
 *   video V1 created at T0 as Gaming, re-categorised to Comedy at T0+12h, banned at T0+20h;
 *   user U1 joins at T0 as Low, becomes High at T0+6h, VIP at T0+18h (the last two in one batch).
 */
import assert from "node:assert/strict";
import { after, before, beforeEach, test } from "node:test";
import { Producer, stringSerializers } from "@platformatic/kafka";
import { q, requireTestInstance, rows, testInstance } from "../../../tools/testing/trino-fixtures";
import { userChangeRecord, videoChangeRecord } from "../../kafka/change-record";
import { KafkaPublisher } from "../../kafka/publisher";
import { TOPICS } from "../../kafka/topics";
import { connectionFor } from "../../lakehouse/connection";
import { kafkaBootstrap } from "../../lakehouse/settings";
import { type AppliedEnds, ingestDimChanges, type UserChange, type VideoChange } from "./cdc";

const T0 = Date.UTC(2026, 10, 20);
const H = 3_600_000;
const writer = () => connectionFor(testInstance, "writer");
const video = (category: string, status: string, changedMs: number): VideoChange => ({
  video_id: "V1",
  creator_id: "U9",
  category,
  hashtags: ["#a", "#b"],
  duration_ms: 30_000,
  upload_ms: T0,
  status,
  changed_ms: changedMs,
});
const user = (segment: string, changedMs: number): UserChange => ({
  user_id: "U1",
  register_country: "BR",
  device_os: "Android",
  is_creator: false,
  ltv_segment: segment,
  join_ms: T0,
  changed_ms: changedMs,
});

const videoHistory = () =>
  rows<{ category: string; status: string; from_h: number; to_h: number | null }>(
    "admin",
    `SELECT category, status, (to_unixtime(valid_from) * 1000 - :t0) / 3600000 AS from_h, (to_unixtime(valid_to) * 1000 - :t0) / 3600000 AS to_h
     FROM lakehouse.dims.dim_videos_history WHERE video_id = 'V1' ORDER BY valid_from`,
    { t0: T0 },
  );

let publisher: KafkaPublisher;
const bootstrap = () => kafkaBootstrap(testInstance);

/** Publishes the changes as one delivery and applies what the topic holds. */
async function applyVideoChanges(changes: readonly VideoChange[]) {
  await publisher.publish(changes.map((c) => videoChangeRecord(c, Date.now())));
  return ingestDimChanges(writer(), bootstrap(), "videos", 120_000);
}
async function applyUserChanges(changes: readonly UserChange[]) {
  await publisher.publish(changes.map((c) => userChangeRecord(c, Date.now())));
  return ingestDimChanges(writer(), bootstrap(), "users", 120_000);
}

before(async () => {
  requireTestInstance();
  publisher = new KafkaPublisher(bootstrap(), "pulse-cdc-itest");
  // Whatever the topics hold from earlier tests is applied first (and deleted below).
  await ingestDimChanges(writer(), bootstrap(), "videos", 120_000);
  await ingestDimChanges(writer(), bootstrap(), "users", 120_000);
});
after(() => publisher.close());
beforeEach(async () => {
  for (const t of ["dim_videos", "dim_users", "dim_videos_history", "dim_users_history"]) await q("admin", `DELETE FROM lakehouse.dims.${t}`);
});

test("video changes: the current row follows the newest change, history keeps every version", async () => {
  await applyVideoChanges([video("Gaming", "active", T0)]);
  await applyVideoChanges([video("Comedy", "active", T0 + 12 * H)]);
  await applyVideoChanges([video("Comedy", "banned", T0 + 20 * H)]);
  const [cur] = await rows<{ category: string; status: string; hashtags: string[]; h: number }>(
    "admin",
    "SELECT category, status, hashtags, (to_unixtime(updated_at) * 1000 - :t0) / 3600000 AS h FROM lakehouse.dims.dim_videos WHERE video_id = 'V1'",
    { t0: T0 },
  );
  assert.deepEqual(cur, { category: "Comedy", status: "banned", hashtags: ["#a", "#b"], h: 20 });
  assert.deepEqual(await videoHistory(), [
    { category: "Gaming", status: "active", from_h: 0, to_h: 12 },
    { category: "Comedy", status: "active", from_h: 12, to_h: 20 },
    { category: "Comedy", status: "banned", from_h: 20, to_h: null },
  ]);
});

test("a batch re-delivered, or an older change arriving late, changes nothing it should not", async () => {
  const batch = [video("Gaming", "active", T0), video("Comedy", "active", T0 + 12 * H)];
  await applyVideoChanges(batch);
  const once = await videoHistory();
  await applyVideoChanges(batch);
  assert.deepEqual(await videoHistory(), once);
  // An out-of-order old change does not move the current row back, and slots into the history.
  await applyVideoChanges([video("Music", "active", T0 + 6 * H)]);
  const [cur] = await rows<{ category: string }>("admin", "SELECT category FROM lakehouse.dims.dim_videos WHERE video_id = 'V1'");
  assert.equal(cur!.category, "Comedy");
  assert.deepEqual(
    (await videoHistory()).map((v) => [v.category, v.from_h, v.to_h]),
    [
      ["Gaming", 0, 6],
      ["Music", 6, 12],
      ["Comedy", 12, null],
    ],
  );
});

test("a change that breaks the contract is a dead letter with its reason; the dims take the good ones", async () => {
  const raw = new Producer({ clientId: "pulse-cdc-poison-itest", bootstrapBrokers: [bootstrap()], serializers: stringSerializers });
  try {
    const { changed_ms: _, ...noTime } = video("Gaming", "active", T0);
    await raw.send({
      messages: [
        { topic: TOPICS.videos.name, key: "V1", value: JSON.stringify(noTime) },
        { topic: TOPICS.videos.name, key: "V1", value: JSON.stringify(video("Gaming", "deleted", T0)) },
      ],
    });
  } finally {
    await raw.close();
  }
  const r = await applyVideoChanges([video("Gaming", "active", T0)]);
  assert.deepEqual([r.records, r.deadLetters], [3, 2]);
  const dead = await rows<{ reason: string }>(
    "admin",
    "SELECT reason FROM lakehouse.bronze.dead_letters WHERE topic = 'pulse.cdc.videos' ORDER BY kafka_offset DESC LIMIT 2",
  );
  assert.deepEqual(dead.map((d) => d.reason).sort(), ["missing field: changed_ms", "unknown status: deleted"]);
  assert.deepEqual(await videoHistory(), [{ category: "Gaming", status: "active", from_h: 0, to_h: null }]);
});

test("user segment changes, two in one batch, resolve point in time", async () => {
  await applyUserChanges([user("Low", T0)]);
  await applyUserChanges([user("VIP", T0 + 18 * H), user("High", T0 + 6 * H)]);
  const [cur] = await rows<{ ltv_segment: string }>("admin", "SELECT ltv_segment FROM lakehouse.dims.dim_users WHERE user_id = 'U1'");
  assert.equal(cur!.ltv_segment, "VIP");
  const at = async (hours: number) => {
    const r = await rows<{ ltv_segment: string }>(
      "admin",
      `SELECT ltv_segment FROM lakehouse.dims.dim_users_history WHERE user_id = 'U1'
       AND valid_from <= from_unixtime(:t / 1e3) AND (valid_to IS NULL OR from_unixtime(:t / 1e3) < valid_to)`,
      { t: T0 + hours * H },
    );
    return r.map((x) => x.ltv_segment);
  };
  assert.deepEqual(await at(5.99), ["Low"]);
  assert.deepEqual(await at(6), ["High"]);
  assert.deepEqual(await at(17.5), ["High"]);
  assert.deepEqual(await at(30), ["VIP"]);
});

test("a live loop's memo of applied ends: an idle topic costs no Trino statement, a new change is applied", async () => {
  const applied: AppliedEnds = new Map();
  await ingestDimChanges(writer(), bootstrap(), "videos", 120_000, applied);
  // Nothing new on the topic: the call must not reach Trino (this connection points at a closed port).
  const nowhere = { ...writer(), server: "https://127.0.0.1:1" };
  assert.deepEqual(await ingestDimChanges(nowhere, bootstrap(), "videos", 120_000, applied), { kind: "videos", batches: 0, records: 0, deadLetters: 0 });
  await publisher.publish([videoChangeRecord(video("Music", "active", T0 + H), Date.now())]);
  assert.deepEqual(await ingestDimChanges(writer(), bootstrap(), "videos", 120_000, applied), { kind: "videos", batches: 1, records: 1, deadLetters: 0 });
  assert.deepEqual(await videoHistory(), [{ category: "Music", status: "active", from_h: 1, to_h: null }]);
});
