/**
 * Test runner behind `npm run test:unit|test:integration|test:e2e` (entry: scripts/test.ts).
 * unit        : every lib/**\/*.test.ts (pure functions, fixtures, no services)
 * integration : every **\/*.itest.ts against a real Trino 476 started here on its own port and data
 *               dir (.lakehouse/test, wiped first), never the demo's; stopped afterwards.
 * e2e         : the production dashboard build against a fresh test Trino holding e2e/fixtures.ts,
 *               driven by Playwright in Debian's Chromium (e2e/playwright.config.ts); API tests included.
 * Set PULSE_TEST_KEEP=1 to leave the test Trino running between runs while iterating.
 * Node 20's test runner takes no globs, hence the file walk.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { connectionFor, templateVars } from "../../lib/lakehouse/connection";
import { migrate } from "../../lib/lakehouse/migrate";
import { start, status, stop } from "../trino/server";
import { REPO_ROOT, instancePaths, instanceSettings, serverUrl } from "../../lib/lakehouse/settings";
import { buildDashboard, startDashboard } from "../dashboard/next-process";
import { writeFixtures } from "../../e2e/fixtures";

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
  const keep = process.env.PULSE_TEST_KEEP === "1";
  const running = (await status(s)).running;
  if (!running) {
    // A fresh warehouse each run: the tests own every byte of this instance.
    fs.rmSync(instancePaths(s).warehouse, { recursive: true, force: true });
  }
  await start(s, log);
  await migrate(connectionFor(s, "admin"), templateVars(s), log);
  try {
    return await runNodeTests(files, { ...process.env, PULSE_TEST_INSTANCE: "1" });
  } finally {
    if (!keep) await stop(s, log);
  }
}

const E2E_PORT = Number(process.env.PULSE_E2E_PORT ?? 3100);

async function e2e(): Promise<number> {
  const s = instanceSettings("test");
  // Its own build folder: a running `npm start` keeps serving .next untouched.
  process.env.PULSE_NEXT_DIST_DIR = ".next-test";
  await buildDashboard(log);
  // The suite owns a fresh warehouse: fixtures only, so every expected number is known.
  await stop(s, log);
  fs.rmSync(instancePaths(s).warehouse, { recursive: true, force: true });
  await start(s, log);
  await migrate(connectionFor(s, "admin"), templateVars(s), log);
  const { watermark } = await writeFixtures();
  log(`fixtures written; RT watermark ${new Date(watermark).toISOString()}`);
  const dashboard = await startDashboard({
    port: E2E_PORT,
    trinoUrl: serverUrl(s),
    log,
    // Short cache periods so the outage test sees staleness and recovery within seconds.
    env: { PULSE_RT_CACHE_SECONDS: "2", PULSE_DAILY_CACHE_SECONDS: "2", TRINO_QUERY_TIMEOUT_MS: "15000" },
  });
  try {
    return await new Promise<number>((resolve) => {
      const child = spawn(process.execPath, [path.join(REPO_ROOT, "node_modules", "@playwright", "test", "cli.js"), "test", "-c", "e2e/playwright.config.ts"], {
        cwd: REPO_ROOT,
        stdio: "inherit",
        env: { ...process.env, PULSE_E2E_URL: dashboard.url, PULSE_E2E_WATERMARK: String(watermark), PULSE_TEST_INSTANCE: "1" },
      });
      child.on("close", (code) => resolve(code ?? 1));
    });
  } finally {
    await dashboard.stop();
    if (process.env.PULSE_TEST_KEEP !== "1") await stop(s, log);
  }
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
