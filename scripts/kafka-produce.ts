/**
 * `npm run kafka:produce -- '<event JSON>'`: publishes one event to the demo's pulse.events (or
 * `--instance test`), keyed by its video_id, so anyone can feed the lakehouse by hand following the
 * topic's contract (README, "Kafka topics"). The JSON is sent as given, valid or not: a record the
 * ingest cannot take lands in bronze.dead_letters with its reason, which is the point of trying.
 *   npm run kafka:produce -- '{"event_id":"demo-1","event_timestamp":1764093600000,"video_id":"v_00001","user_id":"u_1","event_type":"like","payload":{}}'
 */
import { Producer, stringSerializers } from "@platformatic/kafka";
import { PARTITIONER } from "../lib/kafka/publisher";
import { TOPICS } from "../lib/kafka/topics";
import { INSTANCE_NAMES, type InstanceName, instanceSettings, kafkaBootstrap } from "../lib/lakehouse/settings";

async function main(argv: string[]): Promise<number> {
  const args = [...argv];
  const i = args.indexOf("--instance");
  const instance = i >= 0 ? args.splice(i, 2)[1] : "main";
  if (!INSTANCE_NAMES.includes(instance as InstanceName)) throw new Error(`--instance must be ${INSTANCE_NAMES.join(", ")}, not ${instance}`);
  const value = args[0];
  if (args.length !== 1 || !value) throw new Error("usage: npm run kafka:produce -- '<event JSON>' [--instance test]");
  let key = "unkeyed";
  try {
    const parsed = JSON.parse(value) as { video_id?: unknown };
    if (typeof parsed.video_id === "string") key = parsed.video_id;
  } catch {
    // Not JSON: sent anyway, to see it set aside as a dead letter.
  }
  const bootstrap = kafkaBootstrap(instanceSettings(instance as InstanceName));
  const producer = new Producer({
    clientId: "pulse-kafka-produce",
    bootstrapBrokers: [bootstrap],
    serializers: stringSerializers,
    idempotent: true,
    acks: -1,
    timeout: 10_000,
    // Where Pulse's own publisher (and Java's clients) would put this key.
    partitioner: PARTITIONER,
  });
  try {
    const r = await producer.send({ messages: [{ topic: TOPICS.events.name, key, value }] });
    const at = r.offsets?.[0];
    console.log(`[kafka] sent to ${TOPICS.events.name} on ${bootstrap}${at ? `: partition ${at.partition}, offset ${at.offset}` : ""}`);
  } finally {
    await producer.close();
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: Error) => {
    console.error(`[kafka] error: ${err.message}`);
    process.exit(1);
  },
);
