import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { instanceSettings } from "../../lib/lakehouse/settings";
import { kafkaCatalogFiles } from "../trino/kafka-catalog";
import { MAX_MESSAGE_BYTES, renderKafkaConfig } from "./kafka-config";
import { newClusterId } from "./server";

const s = { ...instanceSettings("test"), port: 18180, dir: "/x/test" };

describe("Kafka configuration", () => {
  it("one KRaft node on loopback: broker on Trino's port + 7, controller on + 8, topics made by Pulse only", () => {
    const props = Object.fromEntries(
      renderKafkaConfig(s)
        .split("\n")
        .filter((l) => l && !l.startsWith("#"))
        .map((l) => l.split(/=(.*)/s).slice(0, 2) as [string, string]),
    );
    assert.equal(props["process.roles"], "broker,controller");
    assert.equal(props.listeners, "PLAINTEXT://127.0.0.1:18187,CONTROLLER://127.0.0.1:18188");
    assert.equal(props["controller.quorum.voters"], "1@127.0.0.1:18188");
    assert.equal(props["log.dirs"], "/x/test/kafka/data");
    assert.equal(props["auto.create.topics.enable"], "false");
    assert.equal(props["offsets.topic.replication.factor"], "1");
    assert.equal(Number(props["message.max.bytes"]), MAX_MESSAGE_BYTES);
  });

  it("Trino's kafka catalog reads the instance's broker, one table per topic under schema pulse", () => {
    const files = kafkaCatalogFiles(s, "/x/test/etc");
    assert.match(files["catalog/kafka.properties"]!, /^connector\.name=kafka$/m);
    assert.match(files["catalog/kafka.properties"]!, /^kafka\.nodes=127\.0\.0\.1:18187$/m);
    assert.match(files["catalog/kafka.properties"]!, /^kafka\.table-names=pulse\.events,pulse\.cdc_videos,pulse\.cdc_users$/m);
    assert.match(files["catalog/kafka.properties"]!, /^kafka\.table-description-dir=\/x\/test\/etc\/kafka$/m);
    // The events' contract fields are decoded by the connector's JSON decoder, each as VARCHAR text.
    const field = (name: string) => ({ name, mapping: name, type: "VARCHAR" });
    assert.deepEqual(JSON.parse(files["kafka/pulse.events.json"]!), {
      tableName: "events",
      schemaName: "pulse",
      topicName: "pulse.events",
      message: { dataFormat: "json", fields: ["event_id", "event_timestamp", "video_id", "user_id", "event_type", "payload"].map(field) },
    });
    assert.deepEqual(JSON.parse(files["kafka/pulse.cdc.users.json"]!), { tableName: "cdc_users", schemaName: "pulse", topicName: "pulse.cdc.users" });
  });

  it("cluster ids are 22 URL-safe characters that never start with '-'", () => {
    for (let i = 0; i < 200; i++) assert.match(newClusterId(), /^[A-Za-z0-9_][A-Za-z0-9_-]{21}$/);
  });
});
