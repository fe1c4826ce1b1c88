import assert from "node:assert/strict";
import test from "node:test";
import { parseTapSummary, phaseProblem, playwrightCounts } from "./phase-summary";

const TAP = `TAP version 13
# Subtest: a
ok 1 - a
# tests 3 from a diagnostic that is not the summary
# Silver: 10 rows
# Subtest: /repo/lib/empty.test.ts
ok 2 - /repo/lib/empty.test.ts
  ---
  duration_ms: 200.1
  ...
# Subtest: b
not ok 3 - b
1..3
# tests 3
# suites 0
# pass 2
# fail 1
# cancelled 0
# skipped 0
# todo 0
# duration_ms 12.5
`;

test("the TAP totals are read from node --test's last lines, not from diagnostics; a file without tests is no test", () => {
  assert.deepEqual(parseTapSummary(TAP), { tests: 2, failed: 1, skipped: 0, emptyFiles: ["/repo/lib/empty.test.ts"] });
  assert.deepEqual(parseTapSummary("# tests 4\n# pass 2\n# fail 0\n# cancelled 1\n# skipped 1\n# todo 0\n"), {
    tests: 4,
    failed: 1,
    skipped: 1,
    emptyFiles: [],
  });
  assert.equal(parseTapSummary("TAP version 13\n"), null);
});

test("Playwright's stats: flaky counts as run and failed, skipped as skipped", () => {
  assert.deepEqual(playwrightCounts({ expected: 30, unexpected: 1, flaky: 2, skipped: 3 }), { tests: 33, failed: 3, skipped: 3, emptyFiles: [] });
});

test("a phase that ran nothing, has a file without tests, skipped something or printed no summary fails, naming the phase", () => {
  const ran = { tests: 5, failed: 0, skipped: 0, emptyFiles: [] };
  assert.equal(phaseProblem("unit", ran), null);
  assert.equal(phaseProblem("unit", { ...ran, failed: 2 }), null, "failures are the exit code's business");
  assert.equal(phaseProblem("integration", { ...ran, tests: 0 }), "integration: 0 tests ran");
  assert.equal(phaseProblem("unit", { ...ran, emptyFiles: ["/repo/a.test.ts"] }), "unit: /repo/a.test.ts ran no test");
  assert.equal(phaseProblem("e2e", { ...ran, skipped: 1 }), "e2e: 1 test(s) skipped; a skip must not pass silently");
  assert.equal(phaseProblem("e2e", { ...ran, failed: 1, skipped: 3 }), null, "tests left out after a failure: the exit code fails the phase");
  assert.equal(phaseProblem("unit", null), "unit: the test runner printed no summary, so nothing proves a test ran");
});
