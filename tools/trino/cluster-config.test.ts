import assert from "node:assert/strict";
import test from "node:test";
import { clusterHeaps } from "../../lib/lakehouse/settings";
import { instanceSettingsFixture } from "../testing/instance-settings-fixture";
import { catalogProperties } from "./catalog-config";
import { renderTrinoConfig } from "./trino-config";
import { renderWorkerConfig } from "./worker-config";

const base = instanceSettingsFixture({ name: "main", heapGb: 8, maintenanceMinRetention: "1h", storage: "s3", workers: 2 });
const secrets = { keystorePassword: "k".repeat(32), sharedSecret: "s".repeat(44) };
const linesOf = (text: string | undefined) => (text ?? "").split("\n");

test("heaps: a 2 GB coordinator and workers sharing 10 GB, at most 5 each; the cluster smoke's workers 2 GB", () => {
  assert.deepEqual(
    [1, 2, 3, 4].map((workers) => clusterHeaps({ ...base, workers })),
    [
      { coordinatorGb: 2, workerGb: 5 },
      { coordinatorGb: 2, workerGb: 5 },
      { coordinatorGb: 2, workerGb: 3 },
      { coordinatorGb: 2, workerGb: 2 },
    ],
  );
  assert.deepEqual(clusterHeaps({ ...base, workers: 0 }), { coordinatorGb: 8, workerGb: 0 });
  assert.deepEqual(clusterHeaps({ ...base, name: "cluster", heapGb: 2 }), { coordinatorGb: 2, workerGb: 2 });
});

test("with workers the coordinator schedules nothing on itself and grants the workers' memory", () => {
  const files = renderTrinoConfig(base, secrets, "s3");
  const config = linesOf(files["config.properties"]);
  // 2 workers x floor(5 GB x 0.6) = 6 GB a query; the coordinator's own node: floor(2 x 0.6) = 1 GB.
  for (const line of ["coordinator=true", "node-scheduler.include-coordinator=false", "query.max-memory=6GB", "query.max-memory-per-node=1GB"]) {
    assert.ok(config.includes(line), `config.properties lacks ${line}`);
  }
  assert.ok(linesOf(files["jvm.config"]).includes("-Xmx2G"));
  // Resource groups are the coordinator's alone (workers get none, below).
  assert.equal(files["resource-groups.json"], renderTrinoConfig({ ...base, workers: 0 }, secrets)["resource-groups.json"]);
  assert.match(files["resource-groups.properties"]!, /^resource-groups\.config-file=\/tmp\/pulse-x\/etc\/resource-groups\.json$/m);
  assert.ok(linesOf(renderTrinoConfig({ ...base, workers: 0 }, secrets)["config.properties"]).includes("node-scheduler.include-coordinator=true"));
});

test("worker 2: its own id, data dir and port, discovery at the coordinator over HTTPS, no passwords, the coordinator's catalog", () => {
  const files = renderWorkerConfig(base, secrets, "s3", 2);
  assert.deepEqual(Object.keys(files).sort(), [
    "catalog/kafka.properties",
    "catalog/lakehouse.properties",
    "config.properties",
    "jvm.config",
    "kafka/pulse.cdc.users.json",
    "kafka/pulse.cdc.videos.json",
    "kafka/pulse.events.json",
    "log.properties",
    "node.properties",
  ]);
  assert.deepEqual(linesOf(files["node.properties"]), [
    "node.environment=pulse",
    "node.id=pulse-main-worker-2",
    "node.data-dir=/tmp/pulse-x/workers/2/node",
    "node.internal-address=127.0.0.1",
    "node.bind-ip=127.0.0.1",
    "",
  ]);
  assert.deepEqual(linesOf(files["config.properties"]), [
    "coordinator=false",
    "http-server.http.enabled=false",
    "http-server.https.enabled=true",
    "http-server.https.port=19001",
    "http-server.https.keystore.path=/tmp/pulse-x/secrets/keystore.p12",
    `http-server.https.keystore.key=${"k".repeat(32)}`,
    "discovery.uri=https://127.0.0.1:18999",
    `internal-communication.shared-secret=${"s".repeat(44)}`,
    "internal-communication.https.required=true",
    "internal-communication.https.keystore.path=/tmp/pulse-x/secrets/keystore.p12",
    `internal-communication.https.keystore.key=${"k".repeat(32)}`,
    "http-server.show-stack-trace=false",
    "query.max-memory=6GB",
    "query.max-memory-per-node=3GB",
    "task.concurrency=2",
    "catalog.management=static",
    "",
  ]);
  assert.ok(linesOf(files["jvm.config"]).includes("-Xmx5G"));
  assert.equal(files["catalog/lakehouse.properties"], renderTrinoConfig(base, secrets, "s3")["catalog/lakehouse.properties"]);
});

test("the s3 profile: native S3 on S3Proxy, path-style, keys only from the environment, tables under s3://pulse-warehouse/", () => {
  const catalog = linesOf(catalogProperties(base, "s3"));
  for (const line of [
    "iceberg.jdbc-catalog.default-warehouse-dir=s3://pulse-warehouse/",
    "fs.native-s3.enabled=true",
    "s3.endpoint=http://127.0.0.1:19008",
    "s3.path-style-access=true",
    "s3.region=us-east-1",
    `s3.aws-access-key=\${ENV:PULSE_S3_ACCESS_KEY}`,
    `s3.aws-secret-key=\${ENV:PULSE_S3_SECRET_KEY}`,
    `iceberg.jdbc-catalog.connection-password=\${ENV:PULSE_CATALOG_DB_PASSWORD}`,
    // The metadata file cache is bounded well below its defaults (1 h, up to 200 MB of heap).
    "fs.memory-cache.ttl=10m",
    "fs.memory-cache.max-size=64MB",
  ]) {
    assert.ok(catalog.includes(line), `catalog lacks ${line}`);
  }
  assert.equal(catalog.filter((l) => l.startsWith("local.") || l.startsWith("fs.native-local")).length, 0);
});
