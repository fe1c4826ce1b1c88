import assert from "node:assert/strict";
import { test } from "node:test";
import { positiveOption } from "./cli-option";

test("a positive number, the fallback when absent, and a refusal that names the option", () => {
  assert.equal(positiveOption(["--minutes", "3"], "--minutes", 60), 3);
  assert.equal(positiveOption(["--faults", "5"], "--minutes", 60), 60);
  assert.throws(() => positiveOption(["--minutes", "0"], "--minutes", 60), /--minutes takes a positive number, not 0/);
  assert.throws(() => positiveOption(["--minutes"], "--minutes", 60), /--minutes takes a positive number, not undefined/);
});
