/**
 * The records of the CDC topics (README, "Kafka topics"): one change of a dimension row per record,
 * the full new row and its change time as JSON, keyed by the row's id so every change of one video
 * or user stays in order. Views bronze.kafka_cdc_*_checked check them.
 */
import type { UserChange, VideoChange } from "../pipeline/dims/cdc";
import type { EventRecord } from "./event-record";
import { TOPICS } from "./topics";

export const videoChangeRecord = (c: VideoChange): EventRecord => ({
  topic: TOPICS.videos.name,
  key: c.video_id,
  value: JSON.stringify(c),
  timestamp: BigInt(c.changed_ms),
});

export const userChangeRecord = (c: UserChange): EventRecord => ({
  topic: TOPICS.users.name,
  key: c.user_id,
  value: JSON.stringify(c),
  timestamp: BigInt(c.changed_ms),
});
