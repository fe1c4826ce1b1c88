import assert from "node:assert/strict";
import { test } from "node:test";
import { isNoNodesYet, TrinoQueryError, TrinoTimeoutError } from "./client";

test("only Trino's NO_NODES_AVAILABLE failure is sent again; other failures are the caller's", () => {
  assert.equal(isNoNodesYet(new TrinoQueryError("No nodes available to run query", "NO_NODES_AVAILABLE", "INTERNAL_ERROR", "q1")), true);
  assert.equal(isNoNodesYet(new TrinoQueryError("line 1:8: Column 'x' cannot be resolved", "COLUMN_NOT_FOUND", "USER_ERROR", "q2")), false);
  assert.equal(isNoNodesYet(new TrinoTimeoutError(15_000, "q3")), false);
  assert.equal(isNoNodesYet(new Error("No nodes available to run query")), false);
});
