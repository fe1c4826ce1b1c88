/**
 * What a test phase actually ran, read from the runners' own summaries: node --test's TAP totals
 * and Playwright's JSON report. A phase is refused when it ran no test (a glob or layout change that
 * finds nothing must not pass as green), when one of its files ran none, or when it skipped one (a
 * skip must never be silent).
 */

export interface PhaseCounts {
  readonly tests: number;
  readonly failed: number;
  readonly skipped: number;
  /** Test files that ran no test (node --test reports such a file as one passing test named by its path). */
  readonly emptyFiles: readonly string[];
}

/**
 * The totals node --test's TAP reporter prints last (`# tests 65`, `# fail 0`, ...), less the files
 * that ran no test, which node counts as one passing test each; null when there are no totals.
 */
export function parseTapSummary(tap: string): PhaseCounts | null {
  // Test diagnostics are printed as `# ...` lines too, so only the last occurrence of each total counts.
  const last = (name: string): number | null => {
    const all = [...tap.matchAll(new RegExp(`^# ${name} (\\d+)$`, "gm"))];
    const m = all.at(-1);
    return m ? Number(m[1]) : null;
  };
  const tests = last("tests");
  if (tests === null) return null;
  // Top-level results only (no indentation); test names in this repository are never absolute paths.
  const emptyFiles = [...tap.matchAll(/^ok \d+ - (\/\S+\.i?test\.ts)$/gm)].map((m) => m[1]!);
  return {
    tests: tests - emptyFiles.length,
    failed: (last("fail") ?? 0) + (last("cancelled") ?? 0),
    skipped: (last("skipped") ?? 0) + (last("todo") ?? 0),
    emptyFiles,
  };
}

/** The `stats` of Playwright's JSON reporter. */
export interface PlaywrightStats {
  readonly expected: number;
  readonly unexpected: number;
  readonly flaky: number;
  readonly skipped: number;
}

export function playwrightCounts(stats: PlaywrightStats): PhaseCounts {
  return { tests: stats.expected + stats.unexpected + stats.flaky, failed: stats.unexpected + stats.flaky, skipped: stats.skipped, emptyFiles: [] };
}

/** Why `phase` must fail despite its runner's exit code, or null when it ran tests and skipped none. */
export function phaseProblem(phase: string, counts: PhaseCounts | null): string | null {
  if (counts === null) return `${phase}: the test runner printed no summary, so nothing proves a test ran`;
  if (counts.tests === 0) return `${phase}: 0 tests ran`;
  if (counts.emptyFiles.length > 0) return `${phase}: ${counts.emptyFiles.join(", ")} ran no test`;
  // After a failure the runner's exit code already fails the phase, and tests left out because of
  // it (Playwright's dependent projects) are no silent skip.
  if (counts.skipped > 0 && counts.failed === 0) return `${phase}: ${counts.skipped} test(s) skipped; a skip must not pass silently`;
  return null;
}
