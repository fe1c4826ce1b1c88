/**
 * Playwright global set-up: a fresh test Trino holding only e2e/fixtures.ts, so every expected
 * number is known. Runs after the webServer is up (Playwright starts webServer first); the
 * dashboard does not touch Trino until a test asks it something, so that order is harmless.
 */
import fs from "node:fs";
import { connectionFor, templateVars } from "../lib/lakehouse/connection";
import { migrate } from "../lib/lakehouse/migrate";
import { instancePaths } from "../lib/lakehouse/settings";
import { start, stop } from "../tools/trino/server";
import { publishWatermark, testTrino } from "./e2e-settings";
import { writeFixtures } from "./fixtures";

const log = (msg: string) => console.log(`[e2e setup] ${msg}`);

export default async function globalSetup(): Promise<void> {
  // Stop first even with PULSE_TEST_KEEP=1: the warehouse is wiped under it.
  await stop(testTrino, log);
  fs.rmSync(instancePaths(testTrino).warehouse, { recursive: true, force: true });
  await start(testTrino, log);
  await migrate(connectionFor(testTrino, "admin"), templateVars(testTrino), log);
  const { watermark } = await writeFixtures();
  publishWatermark(watermark);
  log(`fixtures written; RT watermark ${new Date(watermark).toISOString()}`);
}
