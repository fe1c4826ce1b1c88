/** Playwright global teardown: stops the test Trino and PostgreSQL, unless PULSE_TEST_KEEP=1 keeps them for the next run. */
import { toolsConfig } from "../lib/config/tools";
import { stopLakehouse } from "../tools/lakehouse/stack";
import { testTrino } from "./e2e-settings";

export default async function globalTeardown(): Promise<void> {
  if (toolsConfig().PULSE_TEST_KEEP === "1") return;
  await stopLakehouse(testTrino, (msg) => console.log(`[e2e teardown] ${msg}`));
}
