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

  /**
   * Sends every record, in order, RECORDS_PER_SEND at a time; resolves once the broker has them all.
   * Records are taken from `records` one send's worth at a time, so a caller that encodes them
   * lazily (lazyMap) keeps only that many alive: encoding a seed's day of 500,000 records up front
   * had them all survive into V8's old generation, and garbage collection took a third of the
   * publisher's CPU (tools/bench/kafka-ingest.ts measures it).
   */
  async publish(records: Iterable<EventRecord>): Promise<number> {
    let sent = 0;
    let batch: EventRecord[] = [];
    for (const r of records) {
      batch.push(r);
      if (batch.length === RECORDS_PER_SEND) {
        await this.producer.send({ messages: batch });
        sent += batch.length;
        batch = [];
      }
    }
    if (batch.length > 0) await this.producer.send({ messages: batch });
    return sent + batch.length;
  }

  close(): Promise<void> {
    return this.producer.close();
  }
}

/** `items.map(f)`, computed as it is read: for publish(), which reads a send's worth at a time. */
export function* lazyMap<T, R>(items: readonly T[], f: (item: T) => R): Generator<R> {
  for (const item of items) yield f(item);
}

/** The iterables one after another, read lazily. */
export function* concatLazily<T>(...parts: Iterable<T>[]): Generator<T> {
  for (const part of parts) yield* part;
}
