/** Playwright global teardown: stops the test Trino, unless PULSE_TEST_KEEP=1 keeps it for the next run. */
import { toolsConfig } from "../lib/config/tools";
import { stop } from "../tools/trino/server";
import { testTrino } from "./e2e-settings";

export default async function globalTeardown(): Promise<void> {
  if (toolsConfig().PULSE_TEST_KEEP === "1") return;
  await stop(testTrino, (msg) => console.log(`[e2e teardown] ${msg}`));
}
