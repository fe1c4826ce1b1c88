/**
 * What the Iceberg reader needs to open a local Pulse instance (the default profile): its JDBC
 * catalog in the instance's PostgreSQL, logged in as the database owner like Trino, and the
 * warehouse folder that Trino's `local:///` paths are relative to (its `local.location`).
 */
import { jdbcCatalogSettings } from "../../lib/lakehouse/catalog-tables";
import { loadDbCredentials } from "../../lib/lakehouse/db-credentials";
import { type InstanceSettings, instancePaths } from "../../lib/lakehouse/settings";
import type { CatalogLogin, Storage } from "./reader";

export interface ReaderTarget {
  readonly catalog: CatalogLogin;
  readonly storage: Storage;
}

/** The instance's JDBC catalog, logged in as the database owner like Trino: the same on every storage profile. */
export const instanceCatalogLogin = (s: InstanceSettings): CatalogLogin => ({ ...jdbcCatalogSettings(s), password: loadDbCredentials(s).owner.password });

export function localInstanceTarget(s: InstanceSettings): ReaderTarget {
  return {
    catalog: instanceCatalogLogin(s),
    storage: { kind: "local", warehouseDir: instancePaths(s).warehouse },
  };
}
