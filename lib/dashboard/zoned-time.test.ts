import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { instantSchema } from "./schemas";
import { instantToWallTime, urlInstant, wallTimeToInstant, zoneOffsetMs } from "./zoned-time";

const NY = "America/New_York";
const HOUR = 3_600_000;

describe("wallTimeToInstant", () => {
  test("UTC: wall time is the instant", () => {
    assert.equal(wallTimeToInstant("2026-11-24T14:05", "UTC"), Date.UTC(2026, 10, 24, 14, 5));
    assert.equal(wallTimeToInstant("2026-11-24T14:05", "UTC"), 1_795_529_100_000);
    assert.equal(wallTimeToInstant("2000-01-01T00:00", "UTC"), 946_684_800_000);
  });

  test("Asia/Kolkata is UTC+05:30", () => {
    assert.equal(wallTimeToInstant("2026-11-24T14:05", "Asia/Kolkata"), Date.UTC(2026, 10, 24, 8, 35));
    // Before 05:30 local the UTC date is the day before.
    assert.equal(wallTimeToInstant("2026-11-24T03:00", "Asia/Kolkata"), Date.UTC(2026, 10, 23, 21, 30));
  });

  test("America/New_York: EST (-05:00) in winter, EDT (-04:00) in summer", () => {
    assert.equal(wallTimeToInstant("2026-01-15T12:00", NY), Date.UTC(2026, 0, 15, 17, 0));
    assert.equal(wallTimeToInstant("2026-07-15T12:00", NY), Date.UTC(2026, 6, 15, 16, 0));
    // Late evening: the UTC date is the next day.
    assert.equal(wallTimeToInstant("2026-12-31T22:30", NY), Date.UTC(2027, 0, 1, 3, 30));
  });

  test("around the spring-forward gap (2026-03-08, 02:00 EST -> 03:00 EDT)", () => {
    assert.equal(wallTimeToInstant("2026-03-08T01:59", NY), Date.UTC(2026, 2, 8, 6, 59));
    assert.equal(wallTimeToInstant("2026-03-08T03:00", NY), Date.UTC(2026, 2, 8, 7, 0));
  });

  test("a wall time inside the DST gap is pushed forward by the gap (Temporal's 'compatible')", () => {
    // 02:30 does not exist in New York that day. With the offset before the gap: 02:30 + 5 h = 07:30Z.
    const ms = wallTimeToInstant("2026-03-08T02:30", NY);
    assert.equal(ms, Date.UTC(2026, 2, 8, 7, 30));
    // That instant is EDT on the clock: 03:30, one hour (the gap) later than what was typed.
    assert.equal(instantToWallTime(ms!, NY), "2026-03-08T03:30");
  });

  test("an ambiguous fall-back wall time resolves to the first occurrence (EDT)", () => {
    // 2026-11-01 01:30 happens twice: 05:30Z (EDT) and 06:30Z (EST).
    assert.equal(wallTimeToInstant("2026-11-01T01:30", NY), Date.UTC(2026, 10, 1, 5, 30));
    assert.equal(instantToWallTime(Date.UTC(2026, 10, 1, 6, 30), NY), "2026-11-01T01:30");
  });

  test("malformed input is null", () => {
    for (const s of [
      "",
      "garbage",
      "2026-11-24 14:05",
      "2026-11-24T14:05:00",
      "2026-11-24T14:05Z",
      "2026-11-24T14:05+01:00",
      "2026-11-24",
      "26-11-24T14:05",
      "2026-11-24T4:05",
      " 2026-11-24T14:05",
      "2026-11-24T14:05\n",
      "2026-11-24T14:05'; DROP TABLE x; --",
    ]) {
      assert.equal(wallTimeToInstant(s, "UTC"), null, JSON.stringify(s));
      assert.equal(wallTimeToInstant(s, NY), null, JSON.stringify(s));
    }
  });
});

describe("instantToWallTime", () => {
  test("formats in the zone, seconds dropped", () => {
    const t = Date.UTC(2026, 10, 24, 14, 5, 59, 999);
    assert.equal(instantToWallTime(t, "UTC"), "2026-11-24T14:05");
    assert.equal(instantToWallTime(t, "Asia/Kolkata"), "2026-11-24T19:35");
    assert.equal(instantToWallTime(t, NY), "2026-11-24T09:05");
    assert.equal(instantToWallTime(Date.UTC(2026, 6, 15, 16, 0), NY), "2026-07-15T12:00");
  });

  test("crosses midnight and uses 00, never 24", () => {
    assert.equal(instantToWallTime(Date.UTC(2026, 10, 24, 20, 0), "Asia/Kolkata"), "2026-11-25T01:30");
    assert.equal(instantToWallTime(Date.UTC(2026, 10, 24, 0, 0), "UTC"), "2026-11-24T00:00");
    assert.equal(instantToWallTime(Date.UTC(2027, 0, 1, 4, 59), NY), "2026-12-31T23:59");
    assert.equal(instantToWallTime(Date.UTC(2027, 0, 1, 5, 0), NY), "2027-01-01T00:00");
  });

  test("round trips for minute instants outside DST transitions", () => {
    const instants = [
      Date.UTC(2026, 0, 15, 17, 0),
      Date.UTC(2026, 6, 15, 16, 0),
      Date.UTC(2026, 10, 24, 8, 35),
      Date.UTC(2026, 2, 8, 7, 0), // the first EDT minute
      Date.UTC(2026, 2, 8, 6, 59), // the last EST minute
      Date.UTC(2024, 1, 29, 23, 59),
      Date.UTC(2000, 0, 1, 0, 0),
    ];
    for (const tz of ["UTC", "Asia/Kolkata", NY, "Europe/Berlin"]) {
      for (const ms of instants) {
        assert.equal(wallTimeToInstant(instantToWallTime(ms, tz), tz), ms, `${tz} ${new Date(ms).toISOString()}`);
      }
    }
    for (const [wall, tz] of [
      ["2026-11-24T14:05", "Asia/Kolkata"],
      ["2026-01-15T12:00", NY],
      ["2026-07-15T12:00", NY],
      ["2026-03-29T03:00", "Europe/Berlin"],
    ] as const) {
      assert.equal(instantToWallTime(wallTimeToInstant(wall, tz)!, tz), wall);
    }
  });
});

describe("zoneOffsetMs", () => {
  test("offsets in ms, positive east of Greenwich", () => {
    assert.equal(zoneOffsetMs(Date.UTC(2026, 10, 24, 12), "UTC"), 0);
    assert.equal(zoneOffsetMs(Date.UTC(2026, 10, 24, 12), "Asia/Kolkata"), 19_800_000);
    assert.equal(zoneOffsetMs(Date.UTC(2026, 0, 15, 12), NY), -18_000_000);
    assert.equal(zoneOffsetMs(Date.UTC(2026, 6, 15, 12), NY), -14_400_000);
    assert.equal(zoneOffsetMs(Date.UTC(2026, 0, 15, 12), "Europe/Berlin"), HOUR);
    assert.equal(zoneOffsetMs(Date.UTC(2026, 6, 15, 12), "Europe/Berlin"), 2 * HOUR);
  });

  test("switches exactly at the transition instant", () => {
    assert.equal(zoneOffsetMs(Date.UTC(2026, 2, 8, 6, 59, 59, 999), NY), -5 * HOUR);
    assert.equal(zoneOffsetMs(Date.UTC(2026, 2, 8, 7, 0), NY), -4 * HOUR);
    assert.equal(zoneOffsetMs(Date.UTC(2026, 10, 1, 5, 59, 59, 999), NY), -4 * HOUR);
    assert.equal(zoneOffsetMs(Date.UTC(2026, 10, 1, 6, 0), NY), -5 * HOUR);
  });

  test("sub-second and pre-1970 instants give whole offsets", () => {
    assert.equal(zoneOffsetMs(123_456, "UTC"), 0);
    assert.equal(zoneOffsetMs(-1_500, "UTC"), 0);
    assert.equal(zoneOffsetMs(Date.UTC(2026, 10, 24, 12, 0, 0, 999), "Asia/Kolkata"), 19_800_000);
  });
});

describe("urlInstant", () => {
  test("compact UTC form, truncated to the minute", () => {
    assert.equal(urlInstant(Date.UTC(2026, 10, 24, 14, 5)), "2026-11-24T14:05Z");
    assert.equal(urlInstant(Date.UTC(2026, 10, 24, 14, 5, 59, 999)), "2026-11-24T14:05Z");
    assert.equal(urlInstant(0), "1970-01-01T00:00Z");
  });

  test("what it writes the schema reads back", () => {
    const ms = Date.UTC(2026, 10, 24, 14, 5, 30);
    const parsed = instantSchema.safeParse(urlInstant(ms));
    assert.deepEqual(parsed, { success: true, data: Date.UTC(2026, 10, 24, 14, 5) });
  });
});

test("wallTimeToInstant refuses wall times that are not calendar times", () => {
  assert.equal(wallTimeToInstant("2026-02-30T10:00", "UTC"), null);
  assert.equal(wallTimeToInstant("2026-11-24T25:00", "UTC"), null);
});
