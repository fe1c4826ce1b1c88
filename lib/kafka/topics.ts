/**
 * Pulse's Kafka topics, defined once: the broker tooling creates them (tools/kafka/topics.ts), the
 * producers and the consumer name them from here, and the README documents them from the same
 * figures.
 *
 * - `pulse.events`: one record per client event (seed §2), JSON, keyed by video_id so a video's
 *   events stay in order within one partition; 4 partitions (one consumer-side read per partition
 *   and the micro-batch's 2 cores kept busy).
 * - `pulse.cdc.videos`, `pulse.cdc.users`: one record per change of a dimension row (the full new
 *   row and its change time), keyed by the row's id so every change of one video or user is in one
 *   partition, in order; 1 partition each (a few changes per second at most).
 *
 * Retention is 7 days by time on every topic: the consumer commits within seconds, so a week is for
 * an outage of the lakehouse, a replay, or a new consumer's backfill. Not compacted: the dims keep
 * every change (SCD2), so no change may be dropped in favour of a later one.
 */
export interface TopicSpec {
  readonly name: string;
  readonly partitions: number;
  /** What the record key is. */
  readonly key: string;
  readonly retentionMs: number;
}

const WEEK_MS = 7 * 24 * 3_600_000;

export const TOPICS = {
  events: { name: "pulse.events", partitions: 4, key: "video_id", retentionMs: WEEK_MS },
  videos: { name: "pulse.cdc.videos", partitions: 1, key: "video_id", retentionMs: WEEK_MS },
  users: { name: "pulse.cdc.users", partitions: 1, key: "user_id", retentionMs: WEEK_MS },
} as const satisfies Record<string, TopicSpec>;

export type TopicKey = keyof typeof TOPICS;
export const ALL_TOPICS: readonly TopicSpec[] = Object.values(TOPICS);
