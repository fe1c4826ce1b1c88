/**
 * The live pipeline's fence (bronze-fence.ts) against the test instance's real broker and Trino:
 * events published without pause, an ingest that writes Bronze back to back, and a micro-batch every
 * half second that reads Bronze up to Trino's "now" through the fence. Every event must be counted
 * in Gold exactly once.
 * What the fence prevents (a batch reading the clock inside an ingest write, then planning its own
 * read before that write commits, so the write's rows, stamped before the clock read, are passed
 * over) needs an ingest INSERT longer than the batch's first statements; on this machine that is
 * rare, and a run with the fence removed passed too. The ordering itself is pinned by the unit
 * tests (bronze-fence.test.ts); this test shows the fenced loop loses and doubles nothing for real.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { requireTestInstance, rows, testInstance } from "../../../tools/testing/trino-fixtures";
import { eventRecord } from "../../kafka/event-record";
import { KafkaPublisher } from "../../kafka/publisher";
import { connectionFor } from "../../lakehouse/connection";
import { kafkaBootstrap } from "../../lakehouse/settings";
import { ingestToEnd } from "../kafka/catch-up";
import { COMMIT_SAFETY_MS, runMicroBatch, trinoNowMs } from "../rt/microbatch";
import { BronzeWriteFence } from "./bronze-fence";

const writer = () => connectionFor(testInstance, "writer");
const bootstrap = () => kafkaBootstrap(testInstance);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** How long the three loops run together: several batches (each a few seconds) and ingest writes, and CI time kept in check. */
const RUN_MS = 20_000;
const PAYLOAD = JSON.stringify({ device_model: "Pixel 8", network: "wifi", app_ver: "8.2.0", watch_time_ms: 0 });

let publisher: KafkaPublisher;
before(() => {
  requireTestInstance();
  publisher = new KafkaPublisher(bootstrap(), "pulse-fence-itest");
});
after(() => publisher.close().catch(() => undefined));

test("with the fence, micro-batches that read Bronze up to now, beside an ingest writing back to back, count every event once", async () => {
  const p = `fence-${Date.now().toString(36)}-`;
  const video = `${p}v`;
  // Settled from the start: no other process writes the test instance's Bronze now.
  const fence = new BronzeWriteFence(COMMIT_SAFETY_MS, { unsettledAtStart: false });
  // Whatever the topic and Bronze already hold goes in first, so the timed part runs warm and small.
  await fence.write(() => ingestToEnd(writer(), bootstrap()));
  await runMicroBatch(writer(), { throughMs: (await fence.through(() => trinoNowMs(writer()), COMMIT_SAFETY_MS)).throughMs });

  let producing = true;
  let writing = false;
  let published = 0;
  const asks = { total: 0, duringWrite: 0, settled: 0 };

  const produce = async () => {
    for (let k = 0; producing; k++) {
      const now = Date.now();
      await publisher.publish(
        Array.from({ length: 40 }, (_, i) =>
          eventRecord(
            { event_id: `${p}${k}-${i}`, event_timestamp: now, video_id: video, user_id: "u_fence", event_type: "impression", raw_payload: PAYLOAD },
            null,
            now,
          ),
        ),
      );
      published += 40;
      await sleep(150);
    }
  };
  const ingest = async (stop: () => boolean) => {
    while (!stop()) {
      await fence.write(async () => {
        writing = true;
        try {
          return await ingestToEnd(writer(), bootstrap());
        } finally {
          writing = false;
        }
      });
      await sleep(20);
    }
  };
  let batching = true;
  const microBatches = async () => {
    while (batching) {
      asks.total += 1;
      if (writing) asks.duringWrite += 1;
      const bound = await fence.through(() => trinoNowMs(writer()), COMMIT_SAFETY_MS);
      if (bound.settled) asks.settled += 1;
      await runMicroBatch(writer(), { throughMs: bound.throughMs });
      await sleep(500);
    }
  };

  const producer = produce();
  const ingester = ingest(() => !producing);
  const batcher = microBatches();
  await sleep(RUN_MS);
  producing = false;
  await producer;
  await ingester;
  // The rest of the topic, then one last batch up to now: nothing may be left behind or doubled.
  await fence.write(() => ingestToEnd(writer(), bootstrap()));
  batching = false;
  await batcher;
  const last = await fence.through(() => trinoNowMs(writer()), COMMIT_SAFETY_MS);
  await runMicroBatch(writer(), { throughMs: last.throughMs });

  const [bronze] = await rows<{ n: number }>("admin", "SELECT count(DISTINCT event_id) AS n FROM lakehouse.bronze.raw_events WHERE video_id = :v", {
    v: video,
  });
  const [gold] = await rows<{ n: number; batches: number }>(
    "admin",
    "SELECT coalesce(sum(impressions), 0) AS n, count(DISTINCT batch_id) AS batches FROM lakehouse.gold.rt_video_stats_1min WHERE video_id = :v",
    { v: video },
  );
  assert.equal(Number(bronze!.n), published, "Bronze holds every published event");
  assert.equal(Number(gold!.n), published, `Gold counts each of the ${published} events once`);
  assert.ok(Number(gold!.batches) >= 3, `the events spread over several batches (${gold!.batches})`);
  assert.ok(asks.settled >= 3, `the batches read up to now (${asks.settled} of ${asks.total})`);
  assert.ok(asks.duringWrite >= 1, `a batch asked while an ingest write was in flight (${asks.duringWrite} of ${asks.total})`);
});
