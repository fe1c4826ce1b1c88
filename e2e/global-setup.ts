/**
 * Playwright global set-up: a fresh test lakehouse (PostgreSQL catalog and Trino) holding only e2e/fixtures.ts, so every expected
 * number is known. Runs after the webServer is up (Playwright starts webServer first); the
 * dashboard does not touch Trino until a test asks it something, so that order is harmless.
 */
import { migrateLakehouse, startLakehouse, wipeLakehouse } from "../tools/lakehouse/stack";
import { publishWatermark, testTrino } from "./e2e-settings";
import { writeFixtures } from "./fixtures";

const log = (msg: string) => console.log(`[e2e setup] ${msg}`);

export default async function globalSetup(): Promise<void> {
  // Stops first even with PULSE_TEST_KEEP=1: the warehouse and the catalog are wiped under it.
  await wipeLakehouse(testTrino, log);
  await startLakehouse(testTrino, log);
  await migrateLakehouse(testTrino, log);
  const { watermark } = await writeFixtures();
  publishWatermark(watermark);
  log(`fixtures written; RT watermark ${new Date(watermark).toISOString()}`);
}
