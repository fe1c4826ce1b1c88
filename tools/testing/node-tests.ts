/**
 * Runs test files with node --test and reports what ran. The output people read goes to this
 * terminal as node would print it (spec on a terminal, TAP otherwise); a second TAP copy goes to a
 * temporary file, whose totals prove how many tests ran (phase-summary.ts).
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { REPO_ROOT } from "../../lib/lakehouse/settings";
import { type PhaseCounts, parseTapSummary } from "./phase-summary";

export interface NodeTestRun {
  readonly code: number;
  readonly counts: PhaseCounts | null;
}

/**
 * `concurrency`: test files run at once. 1 for every phase that shares a lakehouse (files reset and
 * fill the same tables); unit tests share nothing and use both cores.
 */
export async function runNodeTests(files: readonly string[], env: NodeJS.ProcessEnv, concurrency = 1): Promise<NodeTestRun> {
  // Without paths node --test searches on its own and may pass on finding nothing: never call it so.
  if (files.length === 0) return { code: 1, counts: { tests: 0, failed: 0, skipped: 0, emptyFiles: [] } };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pulse-tests-"));
  const tapFile = path.join(dir, "results.tap");
  const reporters = [
    `--test-reporter=${process.stdout.isTTY ? "spec" : "tap"}`,
    "--test-reporter-destination=stdout",
    "--test-reporter=tap",
    `--test-reporter-destination=${tapFile}`,
  ];
  try {
    const code = await new Promise<number>((resolve) => {
      const child = spawn(process.execPath, ["--import", "tsx", "--test", `--test-concurrency=${concurrency}`, ...reporters, ...files], {
        cwd: REPO_ROOT,
        stdio: "inherit",
        env,
      });
      child.on("close", (c) => resolve(c ?? 1));
    });
    const counts = fs.existsSync(tapFile) ? parseTapSummary(fs.readFileSync(tapFile, "utf8")) : null;
    return { code, counts };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
