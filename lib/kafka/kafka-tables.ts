/**
 * How Trino's `kafka` catalog names Pulse's topics (tools/trino/kafka-catalog.ts): schema `pulse`,
 * the topic's name after `pulse.` with dots as underscores. The ingest job's SQL reads these names.
 */
import { ALL_TOPICS } from "./topics";

export interface KafkaTable {
  readonly topic: string;
  readonly schema: string;
  readonly table: string;
  /**
   * Top-level fields of the JSON value the connector decodes itself (Jackson, one parse per
   * record), as VARCHAR columns of the same names: a value keeps its text (a number its digits), an
   * object or array its compact JSON. A record that is not JSON gets NULLs and `_message_corrupt`.
   */
  readonly jsonFields: readonly string[];
}

/** pulse.events' contract fields (event-record.ts), decoded by the connector for the ingest. */
export const EVENT_FIELDS = ["event_id", "event_timestamp", "video_id", "user_id", "event_type", "payload"] as const;

export const KAFKA_TABLES: readonly KafkaTable[] = ALL_TOPICS.map((t) => ({
  topic: t.name,
  schema: "pulse",
  table: t.name.replace(/^pulse\./, "").replace(/\./g, "_"),
  jsonFields: t.name === "pulse.events" ? EVENT_FIELDS : [],
}));
