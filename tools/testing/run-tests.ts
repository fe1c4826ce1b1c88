/**
 * Test runner behind `npm run test:unit|test:integration|test:e2e` (entry: scripts/test.ts).
 * unit        : every lib/**\/*.test.ts (pure functions, fixtures, no services)
 * integration : every **\/*.itest.ts against a real PostgreSQL and Trino 476 started here on their own
 *               ports and data dir (.lakehouse/test, wiped first), never the demo's; stopped afterwards.
 * e2e         : builds the dashboard into .next-test, then runs Playwright (e2e/playwright.config.ts),
 *               whose globalSetup fills a fresh test lakehouse with e2e/fixtures.ts and whose webServer
 *               serves the build; Debian's Chromium; API tests included.
 * Set PULSE_TEST_KEEP=1 to leave the test Trino and PostgreSQL running between runs while iterating.
 * Node 20's test runner takes no globs, hence the file walk.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { E2E_DIST_DIR } from "../../e2e/e2e-settings";
import { toolsConfig } from "../../lib/config/tools";
import { instanceSettings, REPO_ROOT } from "../../lib/lakehouse/settings";
import { buildDashboard } from "../dashboard/next-process";
import { migrateLakehouse, startLakehouse, stopLakehouse, wipeLakehouse } from "../lakehouse/stack";
import { status } from "../trino/server";

const SKIP_DIRS = new Set(["node_modules", ".next", ".lakehouse", ".git", "e2e"]);

function findFiles(dir: string, suffix: string, out: string[] = []): string[] {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (SKIP_DIRS.has(entry.name)) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) findFiles(full, suffix, out);
    else if (entry.name.endsWith(suffix)) out.push(path.relative(REPO_ROOT, full));
  }
  return out.sort();
}

function runNodeTests(files: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "--test", "--test-concurrency=1", ...files], {
      cwd: REPO_ROOT,
      stdio: "inherit",
      env,
    });
    child.on("close", (code) => resolve(code ?? 1));
  });
}

const log = (msg: string) => console.log(`[tests] ${msg}`);

async function integration(files: string[]): Promise<number> {
  const s = instanceSettings("test");
  const keep = toolsConfig().PULSE_TEST_KEEP === "1";
  // A fresh warehouse and catalog each run (the tests own every byte of this instance), unless
  // PULSE_TEST_KEEP=1 left the last run's servers up.
  if (!(await status(s)).running) await wipeLakehouse(s, log);
  await startLakehouse(s, log);
  await migrateLakehouse(s, log);
  try {
    return await runNodeTests(files, { ...process.env, PULSE_TEST_INSTANCE: "1" });
  } finally {
    if (!keep) await stopLakehouse(s, log);
  }
}

/**
 * Builds the dashboard, then hands over to Playwright, whose config (e2e/playwright.config.ts) owns
 * the rest: the test Trino and its fixtures (globalSetup/globalTeardown) and `next start` (webServer).
 * The build stays here because Playwright starts webServer before anything else.
 */
async function e2e(): Promise<number> {
  await buildDashboard(log, E2E_DIST_DIR);
  return new Promise<number>((resolve) => {
    const child = spawn(process.execPath, [path.join(REPO_ROOT, "node_modules", "@playwright", "test", "cli.js"), "test", "-c", "e2e/playwright.config.ts"], {
      cwd: REPO_ROOT,
      stdio: "inherit",
      env: { ...process.env, PULSE_TEST_INSTANCE: "1" },
    });
    child.on("close", (code) => resolve(code ?? 1));
  });
}

async function main(): Promise<number> {
  const kind = process.argv[2];
  if (kind === "unit") {
    const files = [...findFiles(path.join(REPO_ROOT, "lib"), ".test.ts"), ...findFiles(path.join(REPO_ROOT, "tools"), ".test.ts")];
    log(`${files.length} unit test files`);
    return runNodeTests(files, process.env);
  }
  if (kind === "integration") {
    const files = findFiles(REPO_ROOT, ".itest.ts");
    log(`${files.length} integration test files`);
    return integration(files);
  }
  if (kind === "e2e") return e2e();
  console.error("usage: run-tests.ts unit|integration|e2e");
  return 2;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`[tests] ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
