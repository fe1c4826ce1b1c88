/**
 * Test entry: `tsx scripts/run-tests.ts unit|integration`.
 * unit        : every lib/**\/*.test.ts (pure functions, fixtures, no services)
 * integration : every **\/*.itest.ts against a real Trino 476 started here on its own port and data
 *               dir (.lakehouse/test, wiped first), never the demo's; stopped afterwards.
 * Set PULSE_TEST_KEEP=1 to leave the test Trino running between runs while iterating.
 * Node 20's test runner takes no globs, hence the file walk.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { connectionFor, templateVars } from "../lib/lakehouse/connection";
import { migrate } from "../lib/lakehouse/migrate";
import { start, status, stop } from "../lib/lakehouse/server";
import { REPO_ROOT, instancePaths, instanceSettings } from "../lib/lakehouse/settings";

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

async function main(): Promise<number> {
  const kind = process.argv[2];
  if (kind === "unit") {
    const files = findFiles(path.join(REPO_ROOT, "lib"), ".test.ts");
    log(`${files.length} unit test files`);
    return runNodeTests(files, process.env);
  }
  if (kind === "integration") {
    const files = findFiles(REPO_ROOT, ".itest.ts");
    log(`${files.length} integration test files`);
    return integration(files);
  }
  console.error("usage: run-tests.ts unit|integration");
  return 2;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`[tests] ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
