/**
 * The records of the CDC topics (README, "Kafka topics"): one change of a dimension row per record,
 * the full new row and its change time as JSON, keyed by the row's id so every change of one video
 * or user stays in order. Views bronze.kafka_cdc_*_checked check them.
 *
 * The record timestamp is the send time, not the change time: a seed's initial catalogue carries
 * join and upload times years back, which Kafka 4.1 rejects as a record timestamp
 * (InvalidTimestampException, log.message.timestamp.before.max.ms). The change time is in the value.
 */
import type { UserChange, VideoChange } from "../pipeline/dims/cdc";
import type { EventRecord } from "./event-record";
import { TOPICS } from "./topics";

export const videoChangeRecord = (c: VideoChange, nowMs: number): EventRecord => ({
  topic: TOPICS.videos.name,
  key: c.video_id,
  value: JSON.stringify(c),
  timestamp: BigInt(nowMs),
});

export const userChangeRecord = (c: UserChange, nowMs: number): EventRecord => ({
  topic: TOPICS.users.name,
  key: c.user_id,
  value: JSON.stringify(c),
  timestamp: BigInt(nowMs),
});
