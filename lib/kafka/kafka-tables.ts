/**
 * How Trino's `kafka` catalog names Pulse's topics (tools/trino/kafka-catalog.ts): schema `pulse`,
 * the topic's name after `pulse.` with dots as underscores. The ingest job's SQL reads these names.
 */
import { ALL_TOPICS } from "./topics";

export interface KafkaTable {
  readonly topic: string;
  readonly schema: string;
  readonly table: string;
}

export const KAFKA_TABLES: readonly KafkaTable[] = ALL_TOPICS.map((t) => ({
  topic: t.name,
  schema: "pulse",
  table: t.name.replace(/^pulse\./, "").replace(/\./g, "_"),
}));
