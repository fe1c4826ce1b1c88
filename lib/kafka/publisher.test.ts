import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { concatLazily, lazyMap, PARTITIONER } from "./publisher";

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

describe("lazy record sources for publish()", () => {
  it("lazyMap computes each item only when it is read, in order", () => {
    const seen: number[] = [];
    const it = lazyMap([1, 2, 3], (n) => {
      seen.push(n);
      return n * 10;
    });
    assert.deepEqual(seen, []);
    assert.deepEqual(it.next(), { value: 10, done: false });
    assert.deepEqual(seen, [1]);
    assert.deepEqual([...it], [20, 30]);
    assert.deepEqual(seen, [1, 2, 3]);
  });

  it("concatLazily reads the parts one after another, skipping empty ones", () => {
    assert.deepEqual(
      [
        ...concatLazily(
          lazyMap([1], (n) => n),
          [],
          lazyMap([2, 3], (n) => n + 1),
        ),
      ],
      [1, 3, 4],
    );
  });
});
