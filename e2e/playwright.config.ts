/**
 * Playwright for the e2e suite, started by `npm run test:e2e` (scripts/test.ts (tools/testing/run-tests.ts)), which builds
 * the dashboard, writes the fixtures and passes the server's URL in PULSE_E2E_URL. Chromium is
 * Debian's (/usr/bin/chromium, installed by .ci/run); Playwright never downloads a browser here.
 * One worker, files in name order: the Trino outage test (z-*.spec.ts) runs last.
 */
import { defineConfig } from "@playwright/test";

export default defineConfig({
  testDir: ".",
  testMatch: /.*\.spec\.ts$/,
  outputDir: "../test-results/e2e",
  fullyParallel: false,
  workers: 1,
  forbidOnly: true,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [["list"], ["html", { outputFolder: "../playwright-report", open: "never" }]],
  use: {
    baseURL: process.env.PULSE_E2E_URL ?? "http://127.0.0.1:3100",
    browserName: "chromium",
    launchOptions: { executablePath: process.env.PULSE_CHROMIUM ?? "/usr/bin/chromium" },
    viewport: { width: 1280, height: 900 },
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
  },
});
