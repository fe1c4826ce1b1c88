// Its own module: trino-fixtures.ts is also loaded by Playwright specs, which must not load node:test.
import test from "node:test";
import { testInstance } from "./trino-fixtures";

/**
 * A test of logic the storage and the node count cannot change (bookkeeping, the watermark's clock
 * fallback): declared on the single node only, so the cluster smoke (tools/testing/cluster-files.ts)
 * spends its minutes on what writes, deletes and scans through S3 and the workers.
 */
export function singleNodeTest(name: string, fn: () => Promise<void>): void {
  if (testInstance.name !== "cluster") test(name, fn);
}
