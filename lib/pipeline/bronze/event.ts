/** One Bronze event as the simulator makes it and the Kafka contract carries it (lib/kafka/event-record.ts). */
export interface BronzeEvent {
  readonly event_id: string;
  /** Epoch milliseconds (UTC). */
  readonly event_timestamp: number;
  readonly video_id: string;
  readonly user_id: string;
  readonly event_type: string;
  readonly raw_payload: string;
}

/** Live writes must finish within this; the micro-batch waits a little longer before reading. */
export const LIVE_WRITE_TIMEOUT_MS = 15_000;
