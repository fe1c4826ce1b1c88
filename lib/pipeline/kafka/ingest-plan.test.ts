import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { nextRanges, rangeParams, rangesDetail, rangesOf, recordsIn } from "./ingest-plan";

describe("Kafka ingest plan", () => {
  it("starts at offset 0 of each partition, and then where the last committed batch ended", () => {
    assert.deepEqual(nextRanges(undefined, [5, 0, 3, 9], 100), [
      [0, 0, 5],
      [1, 0, 0],
      [2, 0, 3],
      [3, 0, 9],
    ]);
    const done = [
      [0, 0, 5],
      [1, 0, 0],
      [2, 0, 3],
      [3, 0, 9],
    ] as const;
    assert.deepEqual(nextRanges(done, [7, 2, 3, 9], 100), [
      [0, 5, 7],
      [1, 0, 2],
      [2, 3, 3],
      [3, 9, 9],
    ]);
    assert.equal(recordsIn(nextRanges(done, [7, 2, 3, 9], 100)), 4);
  });

  it("caps each partition's range; the rest is the next batch's", () => {
    const first = nextRanges(undefined, [250, 10, 0, 0], 100);
    assert.deepEqual(first, [
      [0, 0, 100],
      [1, 0, 10],
      [2, 0, 0],
      [3, 0, 0],
    ]);
    assert.deepEqual(nextRanges(first, [250, 10, 0, 0], 100)[0], [0, 100, 200]);
  });

  it("refuses a partition that ends before what was ingested (a topic deleted and made again)", () => {
    assert.throws(() => nextRanges([[0, 0, 50]], [10], 100), /partition 0 ends at offset 10, before the 50 already ingested/);
  });

  it("keeps ranges in a checkpoint's detail and reads them back; refuses anything else", () => {
    const ranges = [
      [0, 3, 8],
      [1, 0, 0],
    ] as const;
    assert.equal(rangesDetail(ranges), '{"ranges":[[0,3,8],[1,0,0]]}');
    assert.deepEqual(rangesOf(rangesDetail(ranges)), ranges);
    assert.throws(() => rangesOf(null), /without offset ranges/);
    assert.throws(() => rangesOf('{"ranges":[[0,-1,2]]}'), /without offset ranges/);
    assert.throws(() => rangesOf('{"through":"2026-11-20"}'), /without offset ranges/);
  });

  it("binds every partition's branch; a partition not in the batch reads nothing", () => {
    assert.deepEqual(
      rangeParams(
        [
          [0, 3, 8],
          [2, 1, 4],
        ],
        4,
      ),
      { from0: 3, to0: 8, from1: 0, to1: 0, from2: 1, to2: 4, from3: 0, to3: 0 },
    );
    assert.throws(() => rangeParams([[5, 0, 1]], 4), /partition 5 has no branch/);
  });
});

describe("the ingest statements", () => {
  it("have one branch per partition of pulse.events, no more, no fewer", async () => {
    const fs = await import("node:fs");
    const path = await import("node:path");
    const { TOPICS } = await import("../../kafka/topics");
    for (const name of ["kafka_events_bronze_insert", "kafka_events_dead_letter_insert", "kafka_events_batch_present"]) {
      const text = fs.readFileSync(path.join(import.meta.dirname, "../../../sql/jobs", `${name}.sql`), "utf8");
      const branches = new Set([...text.matchAll(/kafka_partition = (\d+) AND kafka_offset >= :from\1 AND kafka_offset < :to\1/g)].map((m) => Number(m[1])));
      assert.deepEqual(
        [...branches].sort(),
        Array.from({ length: TOPICS.events.partitions }, (_, p) => p),
        name,
      );
    }
  });
});
