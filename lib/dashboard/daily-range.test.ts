import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { DEFAULT_DAILY_DAYS, defaultDailyRange } from "./daily-range";
import { dailyRangeQuery } from "./schemas";

/** A `now` that must not matter. */
const FAR = new Date(Date.UTC(2031, 5, 15, 12, 0));

describe("defaultDailyRange", () => {
  test("seven days", () => {
    assert.equal(DEFAULT_DAILY_DAYS, 7);
  });

  test("nothing given: to = the last built date, from = 6 days earlier", () => {
    assert.deepEqual(defaultDailyRange({}, "2026-11-23", FAR), { from: "2026-11-17", to: "2026-11-23" });
    // Across a month and a year boundary.
    assert.deepEqual(defaultDailyRange({}, "2026-03-03", FAR), { from: "2026-02-25", to: "2026-03-03" });
    assert.deepEqual(defaultDailyRange({}, "2027-01-02", FAR), { from: "2026-12-27", to: "2027-01-02" });
    // Across a leap day.
    assert.deepEqual(defaultDailyRange({}, "2024-03-02", FAR), { from: "2024-02-25", to: "2024-03-02" });
  });

  test("no built date: to = yesterday (UTC) relative to now", () => {
    assert.deepEqual(defaultDailyRange({}, null, new Date(Date.UTC(2026, 10, 24, 12, 0))), { from: "2026-11-17", to: "2026-11-23" });
    // The first and last moments of a UTC day give the same yesterday.
    assert.deepEqual(defaultDailyRange({}, null, new Date(Date.UTC(2026, 10, 24, 0, 0))), { from: "2026-11-17", to: "2026-11-23" });
    assert.deepEqual(defaultDailyRange({}, null, new Date(Date.UTC(2026, 10, 24, 23, 59, 59, 999))), { from: "2026-11-17", to: "2026-11-23" });
    // Month, leap-year and year boundaries.
    assert.deepEqual(defaultDailyRange({}, null, new Date(Date.UTC(2026, 2, 1, 0, 30))), { from: "2026-02-22", to: "2026-02-28" });
    assert.deepEqual(defaultDailyRange({}, null, new Date(Date.UTC(2024, 2, 1, 12, 0))), { from: "2024-02-23", to: "2024-02-29" });
    assert.deepEqual(defaultDailyRange({}, null, new Date(Date.UTC(2027, 0, 1, 8, 0))), { from: "2026-12-25", to: "2026-12-31" });
  });

  test("a lone from: to = from + 6 days, whatever was built", () => {
    assert.deepEqual(defaultDailyRange({ from: "2026-11-01" }, "2026-11-23", FAR), { from: "2026-11-01", to: "2026-11-07" });
    assert.deepEqual(defaultDailyRange({ from: "2026-12-28" }, null, FAR), { from: "2026-12-28", to: "2027-01-03" });
    assert.deepEqual(defaultDailyRange({ from: "2024-02-26" }, null, FAR), { from: "2024-02-26", to: "2024-03-03" });
  });

  test("a lone to: from = to - 6 days, the built date ignored", () => {
    assert.deepEqual(defaultDailyRange({ to: "2026-03-03" }, "2026-11-23", FAR), { from: "2026-02-25", to: "2026-03-03" });
    assert.deepEqual(defaultDailyRange({ to: "2026-11-10" }, null, FAR), { from: "2026-11-04", to: "2026-11-10" });
  });

  test("both given: returned as they are", () => {
    assert.deepEqual(defaultDailyRange({ from: "2026-01-01", to: "2026-01-02" }, "2026-11-23", FAR), { from: "2026-01-01", to: "2026-01-02" });
    assert.deepEqual(defaultDailyRange({ from: "2026-11-24", to: "2026-11-24" }, null, FAR), { from: "2026-11-24", to: "2026-11-24" });
  });

  test("undefined values count as missing", () => {
    assert.deepEqual(defaultDailyRange({ from: undefined, to: undefined }, "2026-11-23", FAR), { from: "2026-11-17", to: "2026-11-23" });
  });

  test("what it fills in passes the daily schema", () => {
    for (const d of [
      defaultDailyRange({}, "2026-11-23", FAR),
      defaultDailyRange({}, null, new Date(Date.UTC(2024, 2, 1, 12, 0))),
      defaultDailyRange({ from: "2026-12-28" }, null, FAR),
      defaultDailyRange({ to: "2026-03-03" }, null, FAR),
    ]) {
      assert.deepEqual(dailyRangeQuery.safeParse(d), { success: true, data: d });
    }
  });
});
