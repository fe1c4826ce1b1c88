/**
 * Playwright for the e2e suite. `npm run test:e2e` (tools/testing/run-tests.ts) builds the dashboard
 * into .next-test and then runs this config, which owns everything else:
 *   webServer    the dashboard server (tools/dashboard/next-server.ts: Next behind the poll cache) on
 *                that build, on PULSE_E2E_PORT (3100), pointed at the test Trino;
 *   globalSetup  a fresh test Trino with e2e/fixtures.ts (its watermark reaches the specs by env);
 *   globalTeardown stops the test Trino unless PULSE_TEST_KEEP=1.
 * Projects: "main" (API and pages), then "outage" (a Trino outage, a frozen Trino, a broken view),
 * which disturbs Trino and so must come after every other test (a dependency, not a file-name order).
 * Chromium is Debian's (/usr/bin/chromium); Playwright never downloads a browser here.
 */
import { defineConfig } from "@playwright/test";
import { toolsConfig } from "../lib/config/tools";
import { dashboardTrinoEnv } from "../lib/lakehouse/dashboard-env";
import { REPO_ROOT } from "../lib/lakehouse/settings";
import { dashboardServerArgs } from "../tools/dashboard/next-process";
import { ensureSecrets } from "../tools/trino/credentials";
import { E2E_DIST_DIR, E2E_PORT, E2E_REPORT_FILE, E2E_URL, testTrino } from "./e2e-settings";

// Playwright starts webServer before globalSetup starts Trino, and the server needs the test Trino's
// password and certificate in its environment: they are made here if this is the instance's first run.
ensureSecrets(testTrino);

/** Specs that stop, freeze or alter the test Trino (or commit to it): project "outage", after every other test. */
const OUTAGE = /(outage|api-failures|live-commit|alerts|kiosk-stall)\.spec\.ts$/;

export default defineConfig({
  testDir: ".",
  testMatch: /.*\.spec\.ts$/,
  outputDir: "../test-results/e2e",
  globalSetup: "./global-setup.ts",
  globalTeardown: "./global-teardown.ts",
  fullyParallel: false,
  workers: 1,
  forbidOnly: true,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  // The JSON report tells tools/testing/run-tests.ts how many tests ran: zero fails the phase.
  reporter: [["list"], ["html", { outputFolder: "../playwright-report", open: "never" }], ["json", { outputFile: E2E_REPORT_FILE }]],
  use: {
    baseURL: E2E_URL,
    browserName: "chromium",
    launchOptions: { executablePath: toolsConfig().PULSE_CHROMIUM },
    viewport: { width: 1280, height: 900 },
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
  },
  projects: [
    { name: "main", testIgnore: OUTAGE },
    { name: "outage", testMatch: OUTAGE, dependencies: ["main"] },
  ],
  webServer: {
    command: `node ${dashboardServerArgs(E2E_PORT).join(" ")}`,
    cwd: REPO_ROOT,
    // Playwright counts 200..403 as up. /api/health answers 503 until the global set-up (which runs
    // after webServer) has started Trino, so readiness is a static file that needs no Trino.
    url: `${E2E_URL}/icon.svg`,
    timeout: 60_000,
    reuseExistingServer: false,
    stdout: "ignore",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 5_000 },
    env: {
      ...dashboardTrinoEnv(testTrino),
      // Short cache periods so the outage test sees staleness and recovery within seconds.
      PULSE_RT_CACHE_SECONDS: "2",
      PULSE_DAILY_CACHE_SECONDS: "2",
      PULSE_HEALTH_CACHE_SECONDS: "2",
      TRINO_QUERY_TIMEOUT_MS: "15000",
      // Webhook retries within a second, so alerts.spec.ts sees a retry and a dead letter quickly.
      PULSE_ALERT_MAX_ATTEMPTS: "3",
      PULSE_ALERT_RETRY_BASE_MS: "200",
      // The build npm run test:e2e made: a running `npm start` keeps serving .next untouched.
      PULSE_NEXT_DIST_DIR: E2E_DIST_DIR,
      NEXT_TELEMETRY_DISABLED: "1",
      PULSE_PUBLIC_URL: process.env.PULSE_PUBLIC_URL ?? E2E_URL,
      // The port it serves, not an inherited one: the crash spec finds its own dashboards by this
      // variable, and must not count this server when PULSE_DASHBOARD_PORT equals E2E_CRASH_PORT.
      PULSE_DASHBOARD_PORT: String(E2E_PORT),
    },
  },
});
