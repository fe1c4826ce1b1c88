import assert from "node:assert/strict";
import { test } from "node:test";
import { labelThenFigures, table } from "./table";

test("columns are as wide as their widest cell, numbers right-aligned, no trailing blanks", () => {
  assert.deepEqual(
    table(
      ["page", "bytes"],
      [
        ["/", "1,234"],
        ["/daily", "5"],
      ],
      ["left", "right"],
    ),
    ["page    bytes", "------  -----", "/       1,234", "/daily      5"],
  );
});

test("a missing cell prints as blank", () => {
  assert.deepEqual(table(["a", "b"], [["x"]], ["left", "left"]), ["a  b", "-  -", "x"]);
});

test("labelThenFigures: the first column left, the rest right", () => {
  assert.deepEqual(labelThenFigures(3), ["left", "right", "right"]);
});
