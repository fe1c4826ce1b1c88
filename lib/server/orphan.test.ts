import assert from "node:assert/strict";
import { test } from "node:test";
import { currentOwner, orphanCheck } from "./orphan";

test("the owner is the pid in the owner file, else the parent", () => {
  const w = { parentPid: 100, ownerFile: "/x/dashboard.owner", graceMs: 90_000 };
  assert.equal(
    currentOwner(w, () => "4242\n"),
    4242,
  );
  assert.equal(
    currentOwner(w, () => undefined),
    100,
  );
  assert.equal(
    currentOwner(w, () => "not a pid"),
    100,
  );
  assert.equal(
    currentOwner({ parentPid: 100, graceMs: 0 }, () => "4242"),
    100,
  );
});

test("an orphan counts its grace from the first check that found the owner gone, and a new owner stops the count", () => {
  let c = orphanCheck(null, true, 1_000, 90_000);
  assert.deepEqual(c, { orphanSince: null, exit: false });
  c = orphanCheck(c.orphanSince, false, 2_000, 90_000);
  assert.deepEqual(c, { orphanSince: 2_000, exit: false });
  c = orphanCheck(c.orphanSince, false, 91_999, 90_000);
  assert.deepEqual(c, { orphanSince: 2_000, exit: false });
  assert.deepEqual(orphanCheck(c.orphanSince, false, 92_000, 90_000), { orphanSince: 2_000, exit: true });
  // Taken over at 50 s: the count starts afresh if that owner dies too.
  c = orphanCheck(c.orphanSince, true, 50_000, 90_000);
  assert.deepEqual(c, { orphanSince: null, exit: false });
  assert.deepEqual(orphanCheck(c.orphanSince, false, 60_000, 90_000), { orphanSince: 60_000, exit: false });
});

test("without an owner file the grace is 0: the first check that finds the parent gone exits", () => {
  assert.deepEqual(orphanCheck(null, false, 5_000, 0), { orphanSince: 5_000, exit: true });
});
