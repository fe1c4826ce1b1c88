/**
 * The `lakehouse` catalog file, the same on every node of an instance (a pure function, unit-tested):
 * Iceberg's JDBC catalog on the instance's PostgreSQL, and the files on one of two storage profiles:
 * - local: Trino's native local file system (`local:///` locations under `local.location`), the
 *   file system that works on 476 without Hadoop;
 * - s3: Trino's native S3 file system against the instance's S3Proxy (path-style, since the
 *   endpoint is an address, not a bucket's host name), locations `s3://<bucket>/…` that other engines
 *   resolve too.
 * Secrets (the catalog database's password, the S3 key pair) are not in the file but read from
 * Trino's environment (${ENV:...}), which tools/trino/server.ts and workers.ts fill.
 */
import { jdbcCatalogSettings } from "../../lib/lakehouse/catalog-tables";
import { S3_ACCESS_KEY_ENV, S3_SECRET_KEY_ENV } from "../../lib/lakehouse/s3-credentials";
import { type InstanceSettings, instancePaths, type StorageProfile, WAREHOUSE_BUCKET } from "../../lib/lakehouse/settings";
import { s3Endpoint } from "../s3proxy/s3proxy-config";

/** Environment variable through which Trino gets the catalog database's password. */
export const CATALOG_PASSWORD_ENV = "PULSE_CATALOG_DB_PASSWORD";

/** S3Proxy ignores the region, but the SDK must sign for one. */
export const S3_REGION = "us-east-1";

function storageLines(s: InstanceSettings, storage: StorageProfile): string[] {
  if (storage === "s3") {
    return [
      `iceberg.jdbc-catalog.default-warehouse-dir=s3://${WAREHOUSE_BUCKET}/`,
      "fs.native-s3.enabled=true",
      `s3.endpoint=${s3Endpoint(s)}`,
      "s3.path-style-access=true",
      `s3.region=${S3_REGION}`,
      `s3.aws-access-key=\${ENV:${S3_ACCESS_KEY_ENV}}`,
      `s3.aws-secret-key=\${ENV:${S3_SECRET_KEY_ENV}}`,
    ];
  }
  return [
    // New tables go under local.location; Trino records their paths as local:///<schema>/<table>-<uuid>.
    "iceberg.jdbc-catalog.default-warehouse-dir=local:///",
    "fs.native-local.enabled=true",
    `local.location=${instancePaths(s).warehouse}`,
  ];
}

export function catalogProperties(s: InstanceSettings, storage: StorageProfile): string {
  const jdbc = jdbcCatalogSettings(s);
  return `${[
    "connector.name=iceberg",
    "iceberg.catalog.type=jdbc",
    `iceberg.jdbc-catalog.catalog-name=${jdbc.catalogName}`,
    "iceberg.jdbc-catalog.driver-class=org.postgresql.Driver",
    `iceberg.jdbc-catalog.connection-url=${jdbc.url}`,
    `iceberg.jdbc-catalog.connection-user=${jdbc.user}`,
    `iceberg.jdbc-catalog.connection-password=\${ENV:${CATALOG_PASSWORD_ENV}}`,
    ...storageLines(s, storage),
    "iceberg.file-format=PARQUET",
    "iceberg.format-version=2",
    "iceberg.allowed-extra-properties=*",
    `iceberg.expire-snapshots.min-retention=${s.maintenanceMinRetention}`,
    `iceberg.remove-orphan-files.min-retention=${s.maintenanceMinRetention}`,
    "iceberg.unique-table-location=true",
    // The coordinator's cache of Iceberg metadata files (iceberg.metadata-cache.enabled, on by default).
    // Its defaults, 1 h and min(heap / 20, 200 MB), let it grow for an hour after a start and keep
    // superseded files: every commit (one per ingest tick) writes new ones and none is read again.
    // The files a query plans from are the newest few per table, so 10 min and 64 MB hold them all.
    "fs.memory-cache.ttl=10m",
    "fs.memory-cache.max-size=64MB",
  ].join("\n")}\n`;
}
