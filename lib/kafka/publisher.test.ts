import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { PARTITIONER } from "./publisher";

describe("the publisher's partitioner", () => {
  it("puts a key where Java's Kafka clients put it, so every producer keeps a video's events in one partition", () => {
    // Expected: Utils.toPositive(Utils.murmur2(key bytes)) % 4, printed by Kafka 4.1.1's own
    // org.apache.kafka.common.utils.Utils on this machine.
    const java: [string, number][] = [
      ["v_00001", 1],
      ["v_00042", 3],
      ["v_01999", 0],
      ["v_e2e_a", 3],
      ["u_7", 0],
    ];
    for (const [key, partition] of java) assert.equal(PARTITIONER({} as never, Buffer.from(key)) % 4, partition, key);
  });
});
