/**
 * The `kafka` catalog (a pure function, unit-tested): Trino's Kafka connector on the instance's
 * broker, through which the ingest job reads exact offset ranges of Pulse's topics
 * (lib/pipeline/kafka). Each topic is a table of schema `pulse` with no decoded columns: the job
 * reads the internal ones (`_partition_id`, `_partition_offset`, `_message`, `_message_length`,
 * `_headers`, `_timestamp`, `_key`) and parses the JSON itself in SQL, so a message that is not
 * JSON, or lacks a field, becomes a dead letter with its reason instead of a failed query.
 */
import { KAFKA_TABLES } from "../../lib/kafka/kafka-tables";
import { type InstanceSettings, instancePaths, kafkaBootstrap } from "../../lib/lakehouse/settings";
import type { ConfigFiles } from "./trino-config";

export const KAFKA_CATALOG = "kafka";

export function kafkaCatalogFiles(s: InstanceSettings, etcDir = instancePaths(s).etc): ConfigFiles {
  const files: ConfigFiles = {
    [`catalog/${KAFKA_CATALOG}.properties`]: `${[
      "connector.name=kafka",
      `kafka.nodes=${kafkaBootstrap(s)}`,
      `kafka.table-names=${KAFKA_TABLES.map((t) => `${t.schema}.${t.table}`).join(",")}`,
      "kafka.table-description-supplier=FILE",
      `kafka.table-description-dir=${etcDir}/kafka`,
      "kafka.hide-internal-columns=false",
      // One split per this many messages of a partition: a seed's day (about 500,000 events over 4
      // partitions) is read by both cores at once; a live range is one split per partition.
      "kafka.messages-per-split=50000",
    ].join("\n")}\n`,
  };
  for (const t of KAFKA_TABLES) {
    const message =
      t.jsonFields.length > 0 ? { dataFormat: "json", fields: t.jsonFields.map((name) => ({ name, mapping: name, type: "VARCHAR" })) } : undefined;
    files[`kafka/${t.topic}.json`] =
      `${JSON.stringify({ tableName: t.table, schemaName: t.schema, topicName: t.topic, ...(message ? { message } : {}) }, null, 2)}\n`;
  }
  return files;
}
