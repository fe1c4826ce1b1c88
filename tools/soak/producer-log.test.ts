import assert from "node:assert/strict";
import { test } from "node:test";
import { readProducerLog } from "./producer-log";

const video = (status: string, changed_ms: number) => ({
  video_id: "v1",
  creator_id: "u1",
  category: "Music",
  hashtags: ["a"],
  duration_ms: 1000,
  upload_ms: 5,
  status,
  changed_ms,
});
const lines = [
  { kind: "sending", send: "9-1", at: 1, events: ["e1", "e2"], videos: [video("active", 10)], users: [] },
  { kind: "acked", send: "9-1", at: 2 },
  // Killed before its acknowledgement: e3 may or may not be in Bronze; the ban may or may not be applied.
  { kind: "sending", send: "9-2", at: 3, events: ["e3"], videos: [video("banned", 20)], users: [] },
  // The next process resends nothing (its backlog died with it) and carries on.
  { kind: "sending", send: "12-1", at: 4, events: ["e4", "e2"], videos: [], users: [] },
  { kind: "acked", send: "12-1", at: 5 },
]
  .map((l) => JSON.stringify(l))
  .join("\n");

test("acknowledged and merely sent events, counted from the record", () => {
  const log = readProducerLog(`${lines}\n{"kind":"sending","send":"12-2","ev`);
  assert.equal(log.sends, 3);
  assert.equal(log.ackedSends, 2);
  // e2 went out twice (as a retrying app sends it), both times acknowledged: Bronze must hold two records of it.
  assert.deepEqual([...log.acked].sort(), [
    ["e1", 1],
    ["e2", 2],
    ["e4", 1],
  ]);
  assert.deepEqual([...log.sent].sort(), [
    ["e1", 1],
    ["e2", 2],
    ["e3", 1],
    ["e4", 1],
  ]);
});

test("a key's last acknowledged change, and the unacknowledged ones after it", () => {
  const v = readProducerLog(lines).videos.get("v1");
  assert.equal(v?.lastAcked?.status, "active");
  assert.deepEqual(
    v?.unconfirmedAfter.map((c) => c.status),
    ["banned"],
  );
  const acked = readProducerLog(
    `${lines}\n${JSON.stringify({ kind: "sending", send: "12-3", at: 6, events: [], videos: [video("active", 30)], users: [] })}\n{"kind":"acked","send":"12-3","at":7}`,
  );
  assert.deepEqual(acked.videos.get("v1"), { lastAcked: video("active", 30), unconfirmedAfter: [] });
});
