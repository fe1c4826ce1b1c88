import assert from "node:assert/strict";
import { test } from "node:test";
import { rtLoadingText } from "./rt-progress";

test("the loading label says the seed's days, or that the first micro-batch is awaited", () => {
  assert.equal(rtLoadingText({ daysDone: 3, daysTotal: 8 }), "loading history: 3 of 8 days");
  assert.equal(rtLoadingText({ daysDone: 0, daysTotal: 8 }), "loading history: 0 of 8 days");
  assert.equal(rtLoadingText({ daysDone: 8, daysTotal: 8 }), "loading history: 8 of 8 days");
  assert.equal(rtLoadingText({ daysDone: 0, daysTotal: 1 }), "loading history: 0 of 1 day");
  assert.equal(rtLoadingText(null), "waiting for the first micro-batch");
});
