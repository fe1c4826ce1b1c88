/**
 * The record of one event on topic pulse.events: the topic's JSON contract (README, "Kafka topics"),
 * which any producer follows, and which view bronze.kafka_events_checked checks.
 *
 *   key     the video_id (a video's events stay in order within one partition)
 *   value   {"event_id": "...", "event_timestamp": <epoch ms>, "video_id": "...", "user_id": "...",
 *            "event_type": "impression|play_start|play_finish|like|share", "payload": {...}}
 *   headers ingested_at = delivery time in epoch ms, as text: a backfill's only (a seed replaying
 *           history); the ingest honours it only when it runs as a backfill, so a live producer
 *           cannot move rows behind the micro-batch's watermark.
 *   timestamp  the send time (a backfill's delivery times lie days back, and the broker rejects
 *              record timestamps too far from its clock: InvalidTimestampException).
 */
import type { BronzeEvent } from "../pipeline/bronze/event";
import { TOPICS } from "./topics";

export interface EventRecord {
  readonly topic: string;
  readonly key: string;
  readonly value: string;
  readonly timestamp: bigint;
  readonly headers?: Record<string, string>;
}

/**
 * `raw_payload` is the simulator's JSON text of the payload object, embedded as it is; every other
 * field goes through JSON.stringify, so no id can break the document.
 */
export function eventRecord(e: BronzeEvent, deliveredMs: number | null, nowMs: number): EventRecord {
  const value = `{"event_id":${JSON.stringify(e.event_id)},"event_timestamp":${e.event_timestamp},"video_id":${JSON.stringify(e.video_id)},"user_id":${JSON.stringify(e.user_id)},"event_type":${JSON.stringify(e.event_type)},"payload":${e.raw_payload}}`;
  return {
    topic: TOPICS.events.name,
    key: e.video_id,
    value,
    timestamp: BigInt(nowMs),
    ...(deliveredMs !== null ? { headers: { ingested_at: String(deliveredMs) } } : {}),
  };
}
