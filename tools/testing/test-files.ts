/**
 * Which test files a phase runs: every file with the phase's suffix under the given roots (Node 20's
 * test runner takes no globs, hence the walk), narrowed to the paths containing one of the filters
 * given on the command line, e.g. `npx tsx scripts/test.ts integration maintenance pruning`.
 */
import fs from "node:fs";
import path from "node:path";

const SKIP_DIRS = new Set(["node_modules", ".next", ".next-test", ".lakehouse", ".git", "e2e", "test-results", "playwright-report"]);

export function findFiles(root: string, dir: string, suffix: string, out: string[] = []): string[] {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (SKIP_DIRS.has(entry.name)) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) findFiles(root, full, suffix, out);
    else if (entry.name.endsWith(suffix)) out.push(path.relative(root, full));
  }
  return out.sort();
}

/** Files whose path contains any of `filters`; all of them when there is no filter. */
export function selectFiles(files: readonly string[], filters: readonly string[]): string[] {
  return filters.length === 0 ? [...files] : files.filter((f) => filters.some((x) => f.includes(x)));
}
