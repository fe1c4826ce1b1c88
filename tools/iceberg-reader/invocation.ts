/**
 * How the Java reader is invoked: its command line and its environment. Kept apart so a unit test
 * can check the rule that matters: secrets travel in the environment only, never in the arguments
 * (which every user of the machine can read in `ps`).
 */
import path from "node:path";

export interface CatalogLogin {
  /** JDBC URL of the catalog database, e.g. jdbc:postgresql://127.0.0.1:15432/pulse?currentSchema=iceberg_catalog */
  readonly url: string;
  readonly catalogName: string;
  readonly user: string;
  readonly password: string;
}

/** Where the table files are: Trino's native local file system, or S3-compatible object storage. */
export type Storage =
  | {
      readonly kind: "local";
      /** Trino's `local.location`: what `local:///` means. */
      readonly warehouseDir: string;
    }
  | {
      readonly kind: "s3";
      /** The catalog's warehouse, e.g. s3://pulse-lakehouse/ */
      readonly warehouse: string;
      readonly endpoint: string;
      readonly region: string;
      readonly pathStyle: boolean;
      readonly accessKeyId: string;
      readonly secretAccessKey: string;
    };

export interface TableRequest {
  /** schema.table in the catalog, e.g. gold.batch_video_daily */
  readonly table: string;
  /** Numeric columns to add up. */
  readonly sum: readonly string[];
}

export const MAIN_CLASS = "dev.pulse.icebergreader.Main";
/**
 * Java 24+ warns, on stderr, about the native access of zstd/snappy and the sun.misc.Unsafe use of
 * caffeine; allowing both keeps the reader's stderr for its own errors.
 */
export const JVM_OPTIONS = ["--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow"];
/** Must match ReaderArgs.java. */
const PASSWORD_ENV = "PULSE_CATALOG_DB_PASSWORD";

export function readerArguments(catalog: CatalogLogin, storage: Storage, tables: readonly TableRequest[]): string[] {
  const args = ["--uri", catalog.url, "--catalog", catalog.catalogName, "--user", catalog.user];
  if (storage.kind === "local") args.push("--warehouse", "local:///", "--local-root", path.resolve(storage.warehouseDir));
  else {
    args.push("--warehouse", storage.warehouse, "--s3-endpoint", storage.endpoint, "--s3-region", storage.region);
    if (storage.pathStyle) args.push("--s3-path-style");
  }
  for (const t of tables) args.push("--table", t.sum.length ? `${t.table}=${t.sum.join(",")}` : t.table);
  return args;
}

export function readerEnvironment(catalog: CatalogLogin, storage: Storage, base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...base, [PASSWORD_ENV]: catalog.password };
  if (storage.kind === "s3") {
    env.AWS_ACCESS_KEY_ID = storage.accessKeyId;
    env.AWS_SECRET_ACCESS_KEY = storage.secretAccessKey;
  }
  return env;
}
