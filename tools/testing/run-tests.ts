/**
 * Test runner behind `npm run test:unit|test:integration|test:e2e|test:cluster` (entry: scripts/test.ts).
 * unit        : every *.test.ts under lib/, tools/, app/ and components/ (pure functions, fixtures, no services)
 * integration : every **\/*.itest.ts against a real PostgreSQL and Trino 476 on their own ports and data
 *               dir (.lakehouse/test), never the demo's, freshly migrated (fresh-lakehouse.ts); stopped afterwards.
 * e2e         : builds the dashboard into .next-test, then runs Playwright (e2e/playwright.config.ts),
 *               whose globalSetup fills a fresh test lakehouse with e2e/fixtures.ts and whose webServer
 *               serves the build; Debian's Chromium; API tests included.
 * cluster     : the cluster smoke on its own instance (.lakehouse/cluster, ports PULSE_CLUSTER_TEST_*):
 *               a coordinator + 2 workers with the warehouse in S3Proxy, fresh and migrated, then
 *               cluster-files.ts (the same fixtures' tests pointed at it, PULSE_TEST_TARGET=cluster);
 *               reuses the e2e build in .next-test for its dashboard API call.
 * Arguments after the phase narrow it: for unit, integration and cluster, substrings of the file paths to run
 * (`npx tsx scripts/test.ts integration maintenance pruning`); for e2e, Playwright's own arguments
 * (`npx tsx scripts/test.ts e2e pages.spec.ts -g "dark mode"`).
 * Every phase must run at least one test and skip none, or it fails naming itself (phase-summary.ts),
 * whatever its runner's exit code says.
 * Set PULSE_TEST_KEEP=1 to leave the test Trino and PostgreSQL running between runs while iterating.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { E2E_DIST_DIR, E2E_REPORT_FILE } from "../../e2e/e2e-settings";
import { toolsConfig } from "../../lib/config/tools";
import { instanceSettings, REPO_ROOT } from "../../lib/lakehouse/settings";
import { buildDashboard } from "../dashboard/next-process";
import { stopLakehouse } from "../lakehouse/stack";
import { CLUSTER_SMOKE_FILES } from "./cluster-files";
import { freshTestLakehouse } from "./fresh-lakehouse";
import { runNodeTests } from "./node-tests";
import { type PhaseCounts, type PlaywrightStats, phaseProblem, playwrightCounts } from "./phase-summary";
import { findFiles, selectFiles } from "./test-files";

const log = (msg: string) => console.log(`[tests] ${msg}`);

/** The runner's exit code, unless the phase ran no test or skipped one: then 1, naming the phase. */
function verdict(phase: string, code: number, counts: PhaseCounts | null): number {
  const problem = phaseProblem(phase, counts);
  if (problem) {
    console.error(`[tests] FAILED ${problem}`);
    return code === 0 ? 1 : code;
  }
  log(`${phase}: ${counts!.tests} tests, ${counts!.failed} failed`);
  return code;
}

function selected(phase: string, all: string[], filters: string[]): string[] {
  const files = selectFiles(all, filters);
  log(`${files.length} ${phase} test files${filters.length ? ` matching ${filters.join(", ")}` : ""}`);
  return files;
}

/** Where unit tests live: next to the code, including the pages' URL state (app/<page>/search-params.test.ts). */
const UNIT_DIRS = ["lib", "tools", "app", "components"] as const;

async function unit(filters: string[]): Promise<number> {
  const all = UNIT_DIRS.flatMap((dir) => findFiles(REPO_ROOT, path.join(REPO_ROOT, dir), ".test.ts"));
  const run = await runNodeTests(selected("unit", all, filters), process.env, 2);
  return verdict("unit", run.code, run.counts);
}

async function integration(filters: string[]): Promise<number> {
  const files = selected("integration", findFiles(REPO_ROOT, REPO_ROOT, ".itest.ts"), filters);
  if (files.length === 0) return verdict("integration", 1, null);
  const s = instanceSettings("test");
  // Set-up inside the try: a start or migration that fails must not leave its servers running.
  try {
    await freshTestLakehouse(s, log);
    const run = await runNodeTests(files, { ...process.env, PULSE_TEST_INSTANCE: "1" });
    return verdict("integration", run.code, run.counts);
  } finally {
    if (toolsConfig().PULSE_TEST_KEEP !== "1") await stopLakehouse(s, log);
  }
}

async function cluster(filters: string[]): Promise<number> {
  const files = selectFiles(CLUSTER_SMOKE_FILES, filters);
  log(`${files.length} cluster smoke test files${filters.length ? ` matching ${filters.join(", ")}` : ""}`);
  if (files.length === 0) return verdict("cluster", 1, null);
  const t0 = Date.now();
  await buildDashboard(log, E2E_DIST_DIR);
  const s = instanceSettings("cluster");
  // Set-up inside the try: a start or migration that fails must not leave its servers running.
  try {
    await freshTestLakehouse(s, log);
    log(`cluster lakehouse fresh and migrated in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    const run = await runNodeTests(files, { ...process.env, PULSE_TEST_INSTANCE: "1", PULSE_TEST_TARGET: "cluster" });
    return verdict("cluster", run.code, run.counts);
  } finally {
    if (toolsConfig().PULSE_TEST_KEEP !== "1") await stopLakehouse(s, log);
  }
}

/**
 * Builds the dashboard, then hands over to Playwright, whose config (e2e/playwright.config.ts) owns
 * the rest: the test Trino and its fixtures (globalSetup/globalTeardown) and the dashboard server (webServer).
 * The build stays here because Playwright starts webServer before anything else.
 */
async function e2e(args: string[]): Promise<number> {
  await buildDashboard(log, E2E_DIST_DIR);
  fs.rmSync(E2E_REPORT_FILE, { force: true });
  const code = await new Promise<number>((resolve) => {
    const cli = path.join(REPO_ROOT, "node_modules", "@playwright", "test", "cli.js");
    const child = spawn(process.execPath, [cli, "test", "-c", "e2e/playwright.config.ts", ...args], {
      cwd: REPO_ROOT,
      stdio: "inherit",
      env: { ...process.env, PULSE_TEST_INSTANCE: "1" },
    });
    child.on("close", (c) => resolve(c ?? 1));
  });
  const stats = fs.existsSync(E2E_REPORT_FILE) ? (JSON.parse(fs.readFileSync(E2E_REPORT_FILE, "utf8")) as { stats: PlaywrightStats }).stats : null;
  return verdict("e2e", code, stats ? playwrightCounts(stats) : null);
}

const PHASES: Record<string, (args: string[]) => Promise<number>> = { unit, integration, e2e, cluster };

/** Each phase says how long it took, set-up included: CI must stay under 30 minutes, and this shows where they go. */
async function main(): Promise<number> {
  const [kind, ...rest] = process.argv.slice(2);
  const phase = kind === undefined ? undefined : PHASES[kind];
  if (!phase) {
    console.error("usage: run-tests.ts unit|integration|cluster [path filters...] | e2e [playwright arguments...]");
    return 2;
  }
  const t0 = Date.now();
  try {
    return await phase(rest);
  } finally {
    log(`${kind} phase took ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`[tests] ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
