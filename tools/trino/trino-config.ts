/**
 * Renders the Trino 476 configuration of one lakehouse instance's coordinator, which is its only
 * node when it has no workers (a pure function, so the exact files are unit-tested; workers:
 * worker-config.ts). Choices and why:
 * - bound to 127.0.0.1: this is a developer's local lakehouse, never a network service;
 * - the `lakehouse` catalog: Iceberg's JDBC catalog on the instance's own PostgreSQL, files on the
 *   local disk or S3Proxy (catalog-config.ts);
 * - with workers, the coordinator schedules no splits on itself (include-coordinator=false), so it
 *   plans on a small heap and every split runs on a worker, as on a real cluster;
 * - session and JVM time zone UTC, so `current_timestamp` and day()/hour() partitions agree;
 * - maintenance retention minimums lowered (settings.maintenanceMinRetention) so the pipeline can
 *   expire snapshots and remove orphan files hourly;
 * - HTTPS only, with password authentication (security-config.ts);
 * - file-based access control: the dashboard is read-only, the jobs can write data but not change
 *   schemas, only the admin runs migrations;
 * - file-based resource groups: the pipeline guaranteed, the dashboard capped (resource-groups.ts).
 */
import { clusterHeaps, type InstanceSettings, instancePaths, type StorageProfile, USERS } from "../../lib/lakehouse/settings";
import { catalogProperties } from "./catalog-config";
import { KAFKA_CATALOG, kafkaCatalogFiles } from "./kafka-catalog";
import { resourceGroups } from "./resource-groups";
import { httpsServerLines, passwordAuthenticatorProperties, type TrinoSecrets } from "./security-config";

export { CATALOG_PASSWORD_ENV } from "./catalog-config";

export type ConfigFiles = Record<string, string>;

export const lines = (...xs: string[]) => `${xs.join("\n")}\n`;

export function accessControlRules(catalog: string): object {
  return {
    catalogs: [
      { user: USERS.admin, allow: "all" },
      { user: USERS.writer, catalog: `(${catalog}|system)`, allow: "all" },
      // The ingest job reads Pulse's topics through Trino's Kafka connector (kafka-catalog.ts).
      { user: USERS.writer, catalog: KAFKA_CATALOG, allow: "read-only" },
      { user: USERS.dashboard, catalog: `(${catalog}|system)`, allow: "read-only" },
      { allow: "none" },
    ],
    schemas: [{ user: USERS.admin, owner: true }],
    tables: [
      { user: USERS.admin, privileges: ["SELECT", "INSERT", "DELETE", "UPDATE", "OWNERSHIP", "GRANT_SELECT"] },
      { user: USERS.writer, catalog, privileges: ["SELECT", "INSERT", "DELETE", "UPDATE"] },
      { user: USERS.writer, catalog: "system", privileges: ["SELECT"] },
      { user: USERS.writer, catalog: KAFKA_CATALOG, privileges: ["SELECT"] },
      { user: USERS.dashboard, privileges: ["SELECT"] },
    ],
    system_session_properties: [{ allow: true }],
    catalog_session_properties: [{ allow: true }],
  };
}

/** Query memory a node grants: 60% of its heap, leaving Trino's 30% headroom and some slack. */
export const queryMemoryGb = (heapGb: number) => Math.max(1, Math.floor(heapGb * 0.6));

export function jvmConfig(heapGb: number): string {
  return lines(
    "-server",
    `-Xmx${heapGb}G`,
    "-XX:InitialRAMPercentage=10",
    "-XX:+UseG1GC",
    "-XX:G1HeapRegionSize=32M",
    "-XX:+ExplicitGCInvokesConcurrent",
    "-XX:+ExitOnOutOfMemoryError",
    "-XX:-OmitStackTraceInFastThrow",
    "-XX:ReservedCodeCacheSize=256M",
    "-XX:PerMethodRecompilationCutoff=10000",
    "-XX:PerBytecodeRecompilationCutoff=10000",
    "-Djdk.attach.allowAttachSelf=true",
    "-Djdk.nio.maxCachedBufferSize=2000000",
    "-Dfile.encoding=UTF-8",
    "-Duser.timezone=UTC",
    "-XX:+EnableDynamicAgentLoading",
  );
}

export const LOG_PROPERTIES = lines("io.trino=INFO", "io.trino.server.PluginManager=WARN");

/** The whole cluster's per-query memory: what the nodes that run splits grant together. */
function clusterQueryMemoryGb(s: InstanceSettings): number {
  const heaps = clusterHeaps(s);
  return s.workers === 0 ? queryMemoryGb(heaps.coordinatorGb) : s.workers * queryMemoryGb(heaps.workerGb);
}

export function renderTrinoConfig(s: InstanceSettings, secrets: TrinoSecrets, storage: StorageProfile = "local"): ConfigFiles {
  const p = instancePaths(s);
  const heapGb = clusterHeaps(s).coordinatorGb;
  return {
    "node.properties": lines(
      "node.environment=pulse",
      `node.id=pulse-${s.name}`,
      `node.data-dir=${p.var}`,
      "node.internal-address=127.0.0.1",
      "node.bind-ip=127.0.0.1",
    ),
    "config.properties": lines(
      "coordinator=true",
      `node-scheduler.include-coordinator=${s.workers === 0}`,
      ...httpsServerLines(s, secrets),
      "http-server.show-stack-trace=false",
      `query.max-memory=${clusterQueryMemoryGb(s)}GB`,
      `query.max-memory-per-node=${queryMemoryGb(heapGb)}GB`,
      // 2 cores: a few concurrent queries, each not fanned out further than the cores can serve.
      "task.concurrency=2",
      "query.max-execution-time=30m",
      // Test fixtures write Bronze as one JSON literal per 25,000 events (tools/testing/bronze-writer.ts;
      // the pipeline reads Kafka instead); the default cap is 1 M characters.
      "query.max-length=100000000",
      // Finished queries keep their text in memory for min-expire-age; with megabyte-sized Bronze
      // batches the 15-minute default filled a 6 GB heap during a seed (OutOfMemoryError).
      "query.min-expire-age=1s",
      // Compiled expressions are cached by their constants, and nearly every Pulse statement has its
      // own (offsets, watermarks, batch ids), so the cache is almost never hit; at the default 10,000
      // entries it kept growing the live heap by about 3 MB a minute for hours under live traffic
      // (the heap soak, scripts/soak-trino-heap.ts). 1,000 bounds it.
      "compiler.expression-cache-size=1000",
      `query.max-history=${s.queryHistory ?? 5}`,
      "catalog.management=static",
    ),
    "jvm.config": jvmConfig(heapGb),
    "log.properties": LOG_PROPERTIES,
    "password-authenticator.properties": passwordAuthenticatorProperties(s),
    "access-control.properties": lines("access-control.name=file", `security.config-file=${p.etc}/rules.json`, "security.refresh-period=10s"),
    "rules.json": `${JSON.stringify(accessControlRules(s.catalog), null, 2)}\n`,
    "resource-groups.properties": lines("resource-groups.configuration-manager=file", `resource-groups.config-file=${p.etc}/resource-groups.json`),
    "resource-groups.json": `${JSON.stringify(resourceGroups(s.dashboardMaxQueries), null, 2)}\n`,
    [`catalog/${s.catalog}.properties`]: catalogProperties(s, storage),
    ...kafkaCatalogFiles(s, p.etc),
  };
}
