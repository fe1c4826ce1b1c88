/**
 * Publishes records to Pulse's broker with an idempotent producer (acks from every in-sync replica,
 * a producer id and per-partition sequence numbers, so a retried send is never written twice). One
 * send is in flight at a time: the client library's idempotent producer refuses concurrent sends
 * (the broker answers OUT_OF_ORDER_SEQUENCE_NUMBER), and one 10,000-record send already keeps the
 * broker busy. A send that fails throws; the caller keeps its records and sends them again.
 */
import { compatibilityPartitioner, Producer, stringSerializers } from "@platformatic/kafka";
import type { EventRecord } from "./event-record";

/**
 * Java's default partitioner (murmur2 of the key & 0x7fffffff, mod the partitions): any other
 * producer of pulse.events puts a video's events in the same partition as this one does. The
 * library's own default (murmur2 >>> 0) does not match it for about half the keys.
 */
export const PARTITIONER = compatibilityPartitioner;

/** Records per produce request: about 3 MB of events. */
export const RECORDS_PER_SEND = 10_000;

export class KafkaPublisher {
  private readonly producer: Producer<string, string, string, string>;

  constructor(bootstrap: string, clientId = "pulse-simulator") {
    this.producer = new Producer({
      clientId,
      bootstrapBrokers: [bootstrap],
      serializers: stringSerializers,
      idempotent: true,
      acks: -1,
      partitioner: PARTITIONER,
      timeout: 15_000,
      retries: 5,
      retryDelay: 500,
    });
  }

  /** Sends every record, in order, RECORDS_PER_SEND at a time; resolves once the broker has them all. */
  async publish(records: readonly EventRecord[]): Promise<number> {
    for (let i = 0; i < records.length; i += RECORDS_PER_SEND) {
      await this.producer.send({ messages: records.slice(i, i + RECORDS_PER_SEND).map((r) => ({ ...r })) });
    }
    return records.length;
  }

  close(): Promise<void> {
    return this.producer.close();
  }
}
