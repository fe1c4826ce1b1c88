/**
 * What the Playwright config, its global set-up and the specs share: the dashboard's port and URL,
 * the test Trino, and the RT watermark the fixtures were written at.
 */
import path from "node:path";
import { toolsConfig } from "../lib/config/tools";
import { instanceSettings, REPO_ROOT } from "../lib/lakehouse/settings";

/** `npm run test:e2e` serves the build here (PULSE_E2E_PORT, so parallel checkouts do not collide). */
export const E2E_PORT = toolsConfig().PULSE_E2E_PORT;
export const E2E_URL = `http://127.0.0.1:${E2E_PORT}`;
/**
 * The crash test's own dashboards (e2e/dashboard-process.spec.ts), 90 above PULSE_E2E_PORT (3190 by
 * default): a second checkout that moves PULSE_E2E_PORT moves this one with it.
 */
export const E2E_CRASH_PORT = E2E_PORT + 90;

/** Playwright's JSON report, from which the test runner reads how many tests ran. */
export const E2E_REPORT_FILE = path.join(REPO_ROOT, "test-results", "e2e-report.json");

/** The e2e build folder: a running `npm start` keeps serving .next untouched. */
export const E2E_DIST_DIR = ".next-test";

/** The test suite's own Trino (PULSE_TEST_TRINO_PORT, data in .lakehouse/test), never the demo's. */
export const testTrino = instanceSettings("test");

/**
 * The global set-up puts the watermark here; Playwright forks its workers after the global set-up,
 * so every spec inherits it through its environment.
 */
const WATERMARK_ENV = "PULSE_E2E_WATERMARK";

export function publishWatermark(ms: number): void {
  process.env[WATERMARK_ENV] = String(ms);
}

/** The RT watermark T (epoch ms) every expected number hangs off. */
export function e2eWatermark(): number {
  const t = Number(process.env[WATERMARK_ENV]);
  if (!Number.isInteger(t) || t <= 0)
    throw new Error(`${WATERMARK_ENV} is not set: run the suite with npm run test:e2e (its global set-up writes the fixtures)`);
  return t;
}
