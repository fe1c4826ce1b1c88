/**
 * At-least-once delivery. An event is *ready* when the client has it to send (the event time,
 * except play_start: see session.ts) and is delivered:
 *   on time   0-5 s after ready (skewed towards 0: most uploads are immediate), else
 *   late      2-10 min after ready (lateShare: flaky network, app in background), and then maybe
 *   again     a redelivery of the same row, 2 s to 5 min after the first (duplicateShare: the
 *             client retried after a lost acknowledgement).
 * Delivery never precedes the event time, so generating every event with event time < T is enough
 * to know every delivery before T.
 */
import type { EventQueue } from "./event-queue";
import type { Rng } from "./rng";
import type { RawEventRow } from "./rows";

const ON_TIME_MAX_MS = 5_000;
const LATE_MIN_MS = 120_000;
const LATE_SPAN_MS = 480_000;
const RETRY_MIN_MS = 2_000;
const RETRY_RANGE = 150; // log-uniform 2 s .. 300 s

export class Delivery {
  private seq = 0;

  constructor(
    private readonly rng: Rng,
    private readonly queue: EventQueue,
    private readonly lateShare: number,
    private readonly duplicateShare: number,
  ) {}

  send(row: RawEventRow, readyAtMs: number, sessionSeq: number): void {
    const rng = this.rng;
    const u = rng.next();
    const late = rng.next() < this.lateShare;
    const deliverAtMs = late ? readyAtMs + LATE_MIN_MS + Math.floor(u * LATE_SPAN_MS) : readyAtMs + Math.floor(u * u * ON_TIME_MAX_MS);
    this.queue.push({ row, deliverAtMs, delivery: late ? "late" : "on_time", sessionSeq, seq: this.seq++ });
    if (this.duplicateShare > 0 && rng.next() < this.duplicateShare) {
      const retryAtMs = deliverAtMs + Math.floor(RETRY_MIN_MS * RETRY_RANGE ** rng.next());
      this.queue.push({ row, deliverAtMs: retryAtMs, delivery: "redelivery", sessionSeq, seq: this.seq++ });
    }
  }
}
