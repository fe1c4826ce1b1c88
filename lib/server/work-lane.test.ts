import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { currentLane, inBackground } from "./work-lane";

describe("work lane", () => {
  it("is shared by default and background inside inBackground, across awaits and timers", async () => {
    assert.equal(currentLane(), "shared");
    const seen = await inBackground(async () => {
      const before = currentLane();
      await new Promise((r) => setTimeout(r, 5));
      const nested = await Promise.all([Promise.resolve().then(currentLane), new Promise((r) => setImmediate(() => r(currentLane())))]);
      return [before, ...nested];
    });
    assert.deepEqual(seen, ["background", "background", "background"]);
    assert.equal(currentLane(), "shared");
  });
});
