/**
 * The end offset of each partition of a topic (the offset the next record will get): what an
 * ingest batch reads up to. Asked of the broker through the client library's admin API.
 */
import { Admin } from "@platformatic/kafka";

/** Kafka's "latest" in a ListOffsets request. */
const LATEST = -1n;

export async function endOffsets(bootstrap: string, topic: string, partitions: number): Promise<number[]> {
  const admin = new Admin({ clientId: "pulse-ingest", bootstrapBrokers: [bootstrap], timeout: 10_000, retries: 3 });
  try {
    const [listed] = await admin.listOffsets({
      topics: [{ name: topic, partitions: Array.from({ length: partitions }, (_, p) => ({ partitionIndex: p, timestamp: LATEST })) }],
    });
    const out = new Array<number>(partitions).fill(0);
    for (const p of listed?.partitions ?? []) out[p.partitionIndex] = Number(p.offset);
    return out;
  } finally {
    await admin.close().catch(() => undefined);
  }
}
