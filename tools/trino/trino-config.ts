/**
 * Renders a single-node Trino 476 configuration for one lakehouse instance (a pure function, so
 * the exact files are unit-tested). Choices and why:
 * - bound to 127.0.0.1: this is a developer's local lakehouse, never a network service;
 * - Iceberg's JDBC catalog on the instance's own PostgreSQL (tools/postgres/), a catalog other
 *   engines can share, with its tables in schema iceberg_catalog (lib/lakehouse/catalog-tables.ts);
 *   its password is not in the file but read from Trino's environment (${ENV:...});
 * - data and metadata files on Trino's native local file system (`local:///` locations under
 *   `local.location`), the file system that works on 476 without Hadoop;
 * - session and JVM time zone UTC, so `current_timestamp` and day()/hour() partitions agree;
 * - maintenance retention minimums lowered (settings.maintenanceMinRetention) so the pipeline can
 *   expire snapshots and remove orphan files hourly;
 * - HTTPS only, with password authentication (security-config.ts);
 * - file-based access control: the dashboard is read-only, the jobs can write data but not change
 *   schemas, only the admin runs migrations.
 */
import { jdbcCatalogSettings } from "../../lib/lakehouse/catalog-tables";
import { type InstanceSettings, instancePaths, USERS } from "../../lib/lakehouse/settings";
import { httpsServerLines, passwordAuthenticatorProperties, type TrinoSecrets } from "./security-config";

/** Environment variable through which tools/trino/server.ts hands Trino the catalog database's password. */
export const CATALOG_PASSWORD_ENV = "PULSE_CATALOG_DB_PASSWORD";

export type ConfigFiles = Record<string, string>;

const lines = (...xs: string[]) => `${xs.join("\n")}\n`;

export function accessControlRules(catalog: string): object {
  return {
    catalogs: [
      { user: USERS.admin, allow: "all" },
      { user: USERS.writer, catalog: `(${catalog}|system)`, allow: "all" },
      { user: USERS.dashboard, catalog: `(${catalog}|system)`, allow: "read-only" },
      { allow: "none" },
    ],
    schemas: [{ user: USERS.admin, owner: true }],
    tables: [
      { user: USERS.admin, privileges: ["SELECT", "INSERT", "DELETE", "UPDATE", "OWNERSHIP", "GRANT_SELECT"] },
      { user: USERS.writer, catalog, privileges: ["SELECT", "INSERT", "DELETE", "UPDATE"] },
      { user: USERS.writer, catalog: "system", privileges: ["SELECT"] },
      { user: USERS.dashboard, privileges: ["SELECT"] },
    ],
    system_session_properties: [{ allow: true }],
    catalog_session_properties: [{ allow: true }],
  };
}

export function renderTrinoConfig(s: InstanceSettings, secrets: TrinoSecrets): ConfigFiles {
  const p = instancePaths(s);
  const queryMemoryGb = Math.max(1, Math.floor(s.heapGb * 0.6));
  const jdbc = jdbcCatalogSettings(s);
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
      "node-scheduler.include-coordinator=true",
      ...httpsServerLines(s, secrets),
      "http-server.show-stack-trace=false",
      `query.max-memory=${queryMemoryGb}GB`,
      `query.max-memory-per-node=${queryMemoryGb}GB`,
      // 2 cores: a few concurrent queries, each not fanned out further than the cores can serve.
      "task.concurrency=2",
      "query.max-execution-time=30m",
      // Bronze batches travel as one JSON literal (lib/pipeline/bronze-writer.ts); the default cap is 1 M characters.
      "query.max-length=100000000",
      // Finished queries keep their text in memory for min-expire-age; with megabyte-sized Bronze
      // batches the 15-minute default filled a 6 GB heap during a seed (OutOfMemoryError).
      "query.min-expire-age=1s",
      `query.max-history=${s.queryHistory ?? 5}`,
      "catalog.management=static",
    ),
    "jvm.config": lines(
      "-server",
      `-Xmx${s.heapGb}G`,
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
    ),
    "log.properties": lines("io.trino=INFO", "io.trino.server.PluginManager=WARN"),
    "password-authenticator.properties": passwordAuthenticatorProperties(s),
    "access-control.properties": lines("access-control.name=file", `security.config-file=${p.etc}/rules.json`, "security.refresh-period=10s"),
    "rules.json": `${JSON.stringify(accessControlRules(s.catalog), null, 2)}\n`,
    [`catalog/${s.catalog}.properties`]: lines(
      "connector.name=iceberg",
      "iceberg.catalog.type=jdbc",
      `iceberg.jdbc-catalog.catalog-name=${jdbc.catalogName}`,
      "iceberg.jdbc-catalog.driver-class=org.postgresql.Driver",
      `iceberg.jdbc-catalog.connection-url=${jdbc.url}`,
      `iceberg.jdbc-catalog.connection-user=${jdbc.user}`,
      `iceberg.jdbc-catalog.connection-password=\${ENV:${CATALOG_PASSWORD_ENV}}`,
      // New tables go under local.location; Trino records their paths as local:///<schema>/<table>-<uuid>.
      "iceberg.jdbc-catalog.default-warehouse-dir=local:///",
      "fs.native-local.enabled=true",
      `local.location=${p.warehouse}`,
      "iceberg.file-format=PARQUET",
      "iceberg.format-version=2",
      "iceberg.allowed-extra-properties=*",
      `iceberg.expire-snapshots.min-retention=${s.maintenanceMinRetention}`,
      `iceberg.remove-orphan-files.min-retention=${s.maintenanceMinRetention}`,
      "iceberg.unique-table-location=true",
    ),
  };
}
