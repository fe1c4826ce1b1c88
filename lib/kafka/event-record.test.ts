import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { eventRecord } from "./event-record";

const e = {
  event_id: 'e"1',
  event_timestamp: 1_763_632_805_000,
  video_id: "v_00042",
  user_id: "u_7",
  event_type: "play_start",
  raw_payload: '{"device_model":"Pixel 8","watch_time_ms":1200}',
};

describe("event record (pulse.events contract)", () => {
  it("live: keyed by video, the JSON contract with the payload as an object, no delivery header", () => {
    const r = eventRecord(e, null, 1_763_632_806_000);
    assert.equal(r.topic, "pulse.events");
    assert.equal(r.key, "v_00042");
    assert.deepEqual(JSON.parse(r.value), {
      event_id: 'e"1',
      event_timestamp: 1_763_632_805_000,
      video_id: "v_00042",
      user_id: "u_7",
      event_type: "play_start",
      payload: { device_model: "Pixel 8", watch_time_ms: 1200 },
    });
    assert.equal(r.timestamp, 1_763_632_806_000n);
    assert.equal(r.headers, undefined);
  });

  it("backfill: the delivery time in the ingested_at header; the record timestamp stays the send time", () => {
    const r = eventRecord(e, 1_763_632_870_000, 1_800_000_000_000);
    assert.equal(r.timestamp, 1_800_000_000_000n);
    assert.deepEqual(r.headers, { ingested_at: "1763632870000" });
  });
});

describe("change records (pulse.cdc.*)", () => {
  it("keyed by the row's id, the change as JSON, stamped with the send time (a join years back would be refused)", async () => {
    const { userChangeRecord } = await import("./change-record");
    const c = {
      user_id: "u_7",
      register_country: "BR",
      device_os: "Android",
      is_creator: false,
      ltv_segment: "Low",
      join_ms: 1_500_000_000_000,
      changed_ms: 1_500_000_000_000,
    };
    const r = userChangeRecord(c, 1_764_000_000_000);
    assert.deepEqual([r.topic, r.key, JSON.parse(r.value), r.timestamp], ["pulse.cdc.users", "u_7", c, 1_764_000_000_000n]);
  });
});
