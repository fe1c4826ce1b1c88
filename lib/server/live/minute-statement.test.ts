import assert from "node:assert/strict";
import { test } from "node:test";
import { minuteStatement, ROWS_DELTA_MAX_BATCHES } from "./minute-statement";

test("short deltas read the log's rows; full recomputes and long spans are summed in Trino", () => {
  assert.equal(ROWS_DELTA_MAX_BATCHES, 5);
  assert.equal(minuteStatement(-1, 40), "rt_minutes_delta");
  assert.equal(minuteStatement(41, 42), "rt_log_rows_delta");
  assert.equal(minuteStatement(41, 46), "rt_log_rows_delta");
  assert.equal(minuteStatement(41, 47), "rt_minutes_delta");
  // A batch that moved back is the log's to refuse (needsFullRecompute); either statement answers it.
  assert.equal(minuteStatement(41, 41), "rt_log_rows_delta");
});
