/**
 * Renders worker i's configuration (a pure function, unit-tested): its own node id, data dir and
 * HTTPS port (settings.workerPort), discovery at the coordinator, the instance's keystore and shared
 * secret, the same `lakehouse` catalog file as the coordinator (workers read and write the files;
 * the JDBC catalog is only consulted by the coordinator, but the connector is configured alike on
 * every node), and its heap from clusterHeaps().
 */
import { clusterHeaps, type InstanceSettings, instancePaths, type StorageProfile, workerPort } from "../../lib/lakehouse/settings";
import { catalogProperties } from "./catalog-config";
import { kafkaCatalogFiles } from "./kafka-catalog";
import { httpsServerLines, type TrinoSecrets } from "./security-config";
import { type ConfigFiles, jvmConfig, LOG_PROPERTIES, lines, queryMemoryGb } from "./trino-config";

export const workerNodeId = (s: InstanceSettings, i: number) => `pulse-${s.name}-worker-${i}`;

export function renderWorkerConfig(s: InstanceSettings, secrets: TrinoSecrets, storage: StorageProfile, i: number): ConfigFiles {
  const p = instancePaths(s);
  const heaps = clusterHeaps(s);
  return {
    "node.properties": lines(
      "node.environment=pulse",
      `node.id=${workerNodeId(s, i)}`,
      `node.data-dir=${p.workerVar(i)}`,
      "node.internal-address=127.0.0.1",
      "node.bind-ip=127.0.0.1",
    ),
    "config.properties": lines(
      "coordinator=false",
      ...httpsServerLines(s, secrets, { port: workerPort(s, i) }),
      "http-server.show-stack-trace=false",
      `query.max-memory=${s.workers * queryMemoryGb(heaps.workerGb)}GB`,
      `query.max-memory-per-node=${queryMemoryGb(heaps.workerGb)}GB`,
      "task.concurrency=2",
      "catalog.management=static",
    ),
    "jvm.config": jvmConfig(heaps.workerGb),
    "log.properties": LOG_PROPERTIES,
    [`catalog/${s.catalog}.properties`]: catalogProperties(s, storage),
    ...kafkaCatalogFiles(s, p.workerEtc(i)),
  };
}
