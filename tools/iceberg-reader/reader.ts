/**
 * Runs Pulse's second engine, the Java program in this folder built on Apache Iceberg's own API,
 * against a lakehouse's JDBC catalog, and returns what it read, validated. Trino plays no part, so
 * equal numbers from both prove the tables are readable by any Iceberg engine through the catalog.
 * Secrets (catalog password, S3 keys) reach the program through its environment, never its
 * command line, which every user of the machine can see in `ps`.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { z } from "zod";
import { findJava } from "../trino/java";
import { ensureReaderBuild } from "./build";
import { type CatalogLogin, JVM_OPTIONS, MAIN_CLASS, readerArguments, readerEnvironment, type Storage, type TableRequest } from "./invocation";

export type { CatalogLogin, Storage, TableRequest };

const tableTotalsSchema = z.object({
  table: z.string(),
  metadataLocation: z.string(),
  /** A decimal string: snapshot ids need 63 bits. Null for a table without a snapshot. */
  snapshotId: z
    .string()
    .regex(/^-?\d+$/)
    .nullable(),
  rows: z.number().int().nonnegative(),
  /** SQL SUM semantics: null when the column has no non-null value. */
  sums: z.record(z.string(), z.number().nullable()),
});
const readerOutputSchema = z.object({ catalog: z.string(), tables: z.array(tableTotalsSchema) });

export type TableTotals = z.infer<typeof tableTotalsSchema>;
export type ReaderOutput = z.infer<typeof readerOutputSchema>;

export class IcebergReaderError extends Error {
  override readonly name = "IcebergReaderError";
}

/** Reads each table's current snapshot with Iceberg's Java API: row count and column sums. */
export async function readWithIceberg(catalog: CatalogLogin, storage: Storage, tables: readonly TableRequest[]): Promise<ReaderOutput> {
  const build = await ensureReaderBuild((msg) => console.log(`[iceberg-reader] ${msg}`));
  const java = path.join(findJava().home, "bin", "java");
  const args = [...JVM_OPTIONS, "-cp", build.classpath, MAIN_CLASS, ...readerArguments(catalog, storage, tables)];
  const { code, stdout, stderr } = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(java, args, { stdio: ["ignore", "pipe", "pipe"], env: readerEnvironment(catalog, storage) });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (c: Buffer) => out.push(c));
    child.stderr.on("data", (c: Buffer) => err.push(c));
    child.on("error", (e) => reject(new IcebergReaderError(`cannot run ${java}: ${e.message}`)));
    child.on("close", (c) => resolve({ code: c ?? 1, stdout: Buffer.concat(out).toString(), stderr: Buffer.concat(err).toString() }));
  });
  if (code !== 0) throw new IcebergReaderError(`the Iceberg reader failed (exit ${code}):\n${stderr.trim().slice(-3000)}`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(stdout);
  } catch {
    throw new IcebergReaderError(`the Iceberg reader printed something other than JSON:\n${stdout.slice(0, 2000)}`);
  }
  const result = readerOutputSchema.safeParse(parsed);
  if (!result.success) throw new IcebergReaderError(`the Iceberg reader's JSON has an unexpected shape: ${z.prettifyError(result.error)}`);
  return result.data;
}
