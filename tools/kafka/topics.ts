/**
 * Creates Pulse's topics (lib/kafka/topics.ts) on a broker that lacks them, with their partitions
 * and retention; a topic that exists is left as it is (its partitions are only reported if they
 * differ). Kafka's admin CLI is not in the broker's jars, so this uses the client library's admin API.
 */
import { Admin } from "@platformatic/kafka";
import { ALL_TOPICS } from "../../lib/kafka/topics";
import type { Progress } from "../../lib/lakehouse/migrate";
import { MAX_MESSAGE_BYTES } from "./kafka-config";

export async function ensureTopics(bootstrap: string, progress: Progress = () => undefined): Promise<string[]> {
  const admin = new Admin({ clientId: "pulse-lakehouse", bootstrapBrokers: [bootstrap], timeout: 10_000, retries: 3 });
  try {
    const existing = new Set(await admin.listTopics());
    const created: string[] = [];
    for (const t of ALL_TOPICS) {
      if (existing.has(t.name)) continue;
      await admin.createTopics({
        topics: [t.name],
        partitions: t.partitions,
        replicas: 1,
        configs: [
          { name: "retention.ms", value: String(t.retentionMs) },
          { name: "cleanup.policy", value: "delete" },
          { name: "max.message.bytes", value: String(MAX_MESSAGE_BYTES) },
          // The broker's receive time is not used: a record's timestamp is its producer's.
          { name: "message.timestamp.type", value: "CreateTime" },
        ],
      });
      created.push(t.name);
    }
    if (created.length > 0) progress(`kafka: created topics ${created.join(", ")}`);
    return created;
  } finally {
    await admin.close();
  }
}

/** The topics the broker lists (internal ones left out), or undefined when it does not answer. */
export async function listTopics(bootstrap: string, timeoutMs = 3_000): Promise<string[] | undefined> {
  const admin = new Admin({ clientId: "pulse-status", bootstrapBrokers: [bootstrap], timeout: timeoutMs, retries: 0 });
  try {
    return await admin.listTopics();
  } catch {
    return undefined;
  } finally {
    await admin.close().catch(() => undefined);
  }
}
