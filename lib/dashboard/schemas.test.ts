import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { z } from "zod";
import { DEFAULT_REFRESH_SECONDS, MAX_DAILY_RANGE_DAYS, MAX_RT_RANGE_MINUTES } from "./param-values";
import {
  categorySchema,
  dailyRangeQuery,
  dailyVideosQuery,
  dateSchema,
  describeIssues,
  instantSchema,
  pulseRangeQuery,
  refreshSchema,
  searchParamsObject,
  timeZoneParam,
  timeZoneSchema,
  trendingQuery,
  videoIdSchema,
  videoSeriesQuery,
} from "./schemas";

type Issue = { param: string; message: string };

/** The issues of a failed parse, as describeIssues reports them; fails the test when the parse succeeded. */
function issuesOf(result: z.ZodSafeParseResult<unknown>): Issue[] {
  assert.equal(result.success, false, `expected a rejection, got ${JSON.stringify(result.data)}`);
  return describeIssues(result.error!);
}

/** The data of a successful parse; fails the test (showing the issues) when it was rejected. */
function dataOf<T>(result: z.ZodSafeParseResult<T>): T {
  assert.equal(result.success, true, result.success ? "" : JSON.stringify(describeIssues(result.error)));
  return result.data as T;
}

const VIDEO_ID_FORMAT = "video id may contain only letters, digits, '_' and '-'";
const CATEGORY_FORMAT = "category may contain only letters, digits, spaces, '&', '_' and '-'";
const TZ_FORMAT = "time zone must be an IANA name such as UTC or Europe/Berlin";
const TZ_UNKNOWN = "unknown time zone (use an IANA name such as UTC or Europe/Berlin)";
const INSTANT_FORMAT = "timestamp must be ISO-8601 with a zone, e.g. 2026-11-24T12:00Z";
const INSTANT_RANGE = "timestamp must be a real instant between 2000 and 2100";
const DATE_FORMAT = "date must be YYYY-MM-DD";
const DATE_CALENDAR = "not a calendar date between 2000 and 2100";

describe("videoIdSchema", () => {
  test("plain ids pass unchanged, up to 64 characters", () => {
    assert.equal(dataOf(videoIdSchema.safeParse("v_000123")), "v_000123");
    assert.equal(dataOf(videoIdSchema.safeParse("AbC-9_z")), "AbC-9_z");
    assert.equal(dataOf(videoIdSchema.safeParse("a".repeat(64))), "a".repeat(64));
  });

  test("SQL and comment syntax is rejected with the format message only", () => {
    const hostile = [
      "v'1",
      "'; DROP TABLE x; --",
      "x' OR '1'='1",
      "/* */",
      "v1/*comment*/",
      "v1;",
      "a;b",
      "v1 --",
      'v"1',
      "v\\'1",
      "v%27",
      "v1\n",
      "v1\r\n",
      " v1",
      "v1 ",
      "v.1",
      "v:1",
    ];
    for (const id of hostile) {
      assert.deepEqual(issuesOf(videoIdSchema.safeParse(id)), [{ param: "(request)", message: VIDEO_ID_FORMAT }], JSON.stringify(id));
    }
  });

  test("non-ASCII letters, invisible characters, emoji and NUL are rejected", () => {
    const hostile = [
      "v_ü",
      "v\u00e9", // precomposed é
      "\u0430bc", // Cyrillic а looks like Latin a
      "v\u202Eevil", // RIGHT-TO-LEFT OVERRIDE
      "\u200Fv1", // RIGHT-TO-LEFT MARK
      "v\u200B1", // ZERO WIDTH SPACE
      "v\u200D1", // ZERO WIDTH JOINER
      "\uFEFFv1", // BOM
      "v🎬",
      "🎬",
      "v\u00001",
      "\u0000",
      "ｖ１", // full-width v1
    ];
    for (const id of hostile) {
      assert.deepEqual(issuesOf(videoIdSchema.safeParse(id)), [{ param: "(request)", message: VIDEO_ID_FORMAT }], JSON.stringify(id));
    }
  });

  test("length: 65 characters and a 10 kB id are too long", () => {
    assert.deepEqual(issuesOf(videoIdSchema.safeParse("a".repeat(65))), [{ param: "(request)", message: "video id is longer than 64 characters" }]);
    assert.deepEqual(issuesOf(videoIdSchema.safeParse("a".repeat(10_000))), [{ param: "(request)", message: "video id is longer than 64 characters" }]);
    // A long hostile id reports both problems.
    assert.deepEqual(issuesOf(videoIdSchema.safeParse("'".repeat(10_000))), [
      { param: "(request)", message: "video id is longer than 64 characters" },
      { param: "(request)", message: VIDEO_ID_FORMAT },
    ]);
  });

  test("the empty id is rejected", () => {
    assert.deepEqual(issuesOf(videoIdSchema.safeParse("")), [
      { param: "(request)", message: "video id is empty" },
      { param: "(request)", message: VIDEO_ID_FORMAT },
    ]);
  });

  test("non-strings are rejected", () => {
    for (const v of [undefined, null, 42, ["v1"], { id: "v1" }]) {
      const r = videoIdSchema.safeParse(v);
      assert.equal(r.success, false, JSON.stringify(v));
    }
  });
});

describe("categorySchema", () => {
  test("letters in any script, digits, spaces, '&', '_' and '-' pass", () => {
    for (const c of ["Music", "Música & Arte", "Sci-Fi_2", "Ελληνικά", "日本語", "2026 News", "a".repeat(64)]) {
      assert.equal(dataOf(categorySchema.safeParse(c)), c);
    }
  });

  test("quotes, semicolons, comments and invisible characters are rejected", () => {
    const hostile = [
      "a'b",
      "Music'; DROP TABLE x; --",
      "x;y",
      "a/*b*/",
      'a"b',
      "-Music", // must start with a letter or digit
      " Music",
      "&",
      "",
      "a\u200Bb",
      "a\u202Eb",
      "Music🎬",
      "a\u0000b",
      "a\nb",
      "e\u0301", // decomposed é: the combining mark is not a letter
    ];
    for (const c of hostile) {
      assert.deepEqual(issuesOf(categorySchema.safeParse(c)), [{ param: "(request)", message: CATEGORY_FORMAT }], JSON.stringify(c));
    }
  });

  test("too long categories are rejected", () => {
    assert.deepEqual(issuesOf(categorySchema.safeParse("a".repeat(65))), [{ param: "(request)", message: "category is longer than 64 characters" }]);
    assert.deepEqual(issuesOf(categorySchema.safeParse("x".repeat(10_000))), [{ param: "(request)", message: "category is longer than 64 characters" }]);
  });
});

describe("timeZoneSchema", () => {
  test("IANA names are accepted as given", () => {
    for (const tz of ["UTC", "Europe/Berlin", "Asia/Kolkata", "America/New_York", "Etc/GMT+5"]) {
      assert.equal(dataOf(timeZoneSchema.safeParse(tz)), tz);
    }
  });

  test("a well-formed but unknown zone is rejected as unknown", () => {
    assert.deepEqual(issuesOf(timeZoneSchema.safeParse("Mars/Olympus")), [{ param: "(request)", message: TZ_UNKNOWN }]);
  });

  test("injection, path traversal, empty and 10 kB strings are rejected", () => {
    assert.deepEqual(issuesOf(timeZoneSchema.safeParse("UTC'; --")), [
      { param: "(request)", message: TZ_FORMAT },
      { param: "(request)", message: TZ_UNKNOWN },
    ]);
    assert.deepEqual(issuesOf(timeZoneSchema.safeParse("../../etc/passwd")), [
      { param: "(request)", message: TZ_FORMAT },
      { param: "(request)", message: TZ_UNKNOWN },
    ]);
    assert.deepEqual(issuesOf(timeZoneSchema.safeParse("")), [
      { param: "(request)", message: TZ_FORMAT },
      { param: "(request)", message: TZ_UNKNOWN },
    ]);
    assert.deepEqual(issuesOf(timeZoneSchema.safeParse("A".repeat(10_000))), [
      { param: "(request)", message: "time zone is longer than 64 characters" },
      { param: "(request)", message: TZ_UNKNOWN },
    ]);
    for (const tz of ["UTC;", "Europe/Berlin\n", "UTC ", "+05:30", "Europe/Ber lin", "UTC\u0000"]) {
      assert.equal(timeZoneSchema.safeParse(tz).success, false, JSON.stringify(tz));
    }
  });
});

describe("instantSchema", () => {
  test("is truncated to the minute", () => {
    assert.equal(dataOf(instantSchema.safeParse("2026-11-24T12:00Z")), Date.UTC(2026, 10, 24, 12, 0));
    assert.equal(dataOf(instantSchema.safeParse("2026-11-24T12:00:30Z")), Date.UTC(2026, 10, 24, 12, 0));
    assert.equal(dataOf(instantSchema.safeParse("2026-11-24T12:00:59.999Z")), Date.UTC(2026, 10, 24, 12, 0));
    assert.equal(dataOf(instantSchema.safeParse("2026-11-24T12:00:00.123456789Z")), Date.UTC(2026, 10, 24, 12, 0));
    // The hand-computed epoch value: 2026-11-24T12:00Z.
    assert.equal(dataOf(instantSchema.safeParse("2026-11-24T12:00Z")), 1_795_521_600_000);
  });

  test("offsets are applied", () => {
    assert.equal(dataOf(instantSchema.safeParse("2026-11-24T17:30+05:30")), Date.UTC(2026, 10, 24, 12, 0));
    assert.equal(dataOf(instantSchema.safeParse("2026-11-24T07:00-05:00")), Date.UTC(2026, 10, 24, 12, 0));
    assert.equal(dataOf(instantSchema.safeParse("2026-11-24T12:00-00:00")), Date.UTC(2026, 10, 24, 12, 0));
  });

  test("the bounds 2000-01-01 and 2100-01-01 are inclusive", () => {
    assert.equal(dataOf(instantSchema.safeParse("2000-01-01T00:00Z")), Date.UTC(2000, 0, 1));
    assert.equal(dataOf(instantSchema.safeParse("2100-01-01T00:00Z")), Date.UTC(2100, 0, 1));
  });

  test("timestamps without a zone are rejected", () => {
    for (const s of ["2026-11-24T12:00", "2026-11-24T12:00:30", "2026-11-24 12:00Z", "2026-11-24", "2026-11-24T12:00z"]) {
      assert.deepEqual(issuesOf(instantSchema.safeParse(s)), [{ param: "(request)", message: INSTANT_FORMAT }], s);
    }
  });

  test("years 1900 and 3000 and out-of-range fields are rejected", () => {
    for (const s of [
      "1900-01-01T00:00Z",
      "3000-01-01T00:00Z",
      "1999-12-31T23:59Z",
      "2100-01-01T00:01Z",
      "2026-11-24T23:60Z",
      "2026-00-10T12:00Z",
      "2026-11-24T12:00+99:99",
    ]) {
      assert.deepEqual(issuesOf(instantSchema.safeParse(s)), [{ param: "(request)", message: INSTANT_RANGE }], s);
    }
  });

  test("garbage is rejected", () => {
    for (const s of ["yesterday", "now", "1795521600000", "2026-11-24T12:00Z; DROP TABLE x; --", "2026-11-24T12:00Z'", "", "🎬"]) {
      assert.deepEqual(issuesOf(instantSchema.safeParse(s)), [{ param: "(request)", message: INSTANT_FORMAT }], s);
    }
    assert.deepEqual(issuesOf(instantSchema.safeParse("2".repeat(10_000))), [
      { param: "(request)", message: "timestamp is too long" },
      { param: "(request)", message: INSTANT_FORMAT },
    ]);
  });
});

describe("dateSchema", () => {
  test("real calendar dates between 2000 and 2100 pass", () => {
    for (const d of ["2026-11-24", "2024-02-29", "2000-01-01", "2100-01-01", "2026-12-31"]) {
      assert.equal(dataOf(dateSchema.safeParse(d)), d);
    }
  });

  test("impossible or out-of-range dates are rejected", () => {
    for (const d of [
      "2026-02-30",
      "2026-02-29",
      "2026-04-31",
      "2026-13-01",
      "2026-00-10",
      "2026-11-00",
      "1999-12-31",
      "2100-01-02",
      "1900-01-01",
      "3000-01-01",
    ]) {
      assert.deepEqual(issuesOf(dateSchema.safeParse(d)), [{ param: "(request)", message: DATE_CALENDAR }], d);
    }
  });

  test("other shapes are rejected by format", () => {
    for (const d of ["2026-1-01", "20261124", "2026/11/24", "2026-11-24T00:00Z", "2026-11-24 ", "2026-11-24'; --"]) {
      const issues = issuesOf(dateSchema.safeParse(d));
      assert.deepEqual(issues[0], { param: "(request)", message: DATE_FORMAT }, d);
    }
  });
});

describe("pulseRangeQuery", () => {
  test("defaults: 24h preset in UTC", () => {
    assert.deepEqual(dataOf(pulseRangeQuery.safeParse({})), { range: { kind: "preset", preset: "24h", minutes: 1440 }, tz: "UTC" });
  });

  test("presets resolve to their minutes", () => {
    assert.deepEqual(dataOf(pulseRangeQuery.safeParse({ range: "1h" })).range, { kind: "preset", preset: "1h", minutes: 60 });
    assert.deepEqual(dataOf(pulseRangeQuery.safeParse({ range: "6h" })).range, { kind: "preset", preset: "6h", minutes: 360 });
    assert.deepEqual(dataOf(pulseRangeQuery.safeParse({ range: "24h" })).range, { kind: "preset", preset: "24h", minutes: 1440 });
  });

  test("an empty range or tz means the default", () => {
    assert.deepEqual(dataOf(pulseRangeQuery.safeParse({ range: "", tz: "" })), { range: { kind: "preset", preset: "24h", minutes: 1440 }, tz: "UTC" });
    assert.deepEqual(dataOf(pulseRangeQuery.safeParse({ range: null, tz: null })), { range: { kind: "preset", preset: "24h", minutes: 1440 }, tz: "UTC" });
  });

  test("unknown range values are rejected, naming range", () => {
    for (const r of ["7d", "1H", "custom'; --", "24h "]) {
      assert.deepEqual(issuesOf(pulseRangeQuery.safeParse({ range: r })), [{ param: "range", message: "range must be 1h, 6h, 24h or custom" }], r);
    }
  });

  test("time zones: valid names kept, hostile ones rejected naming tz", () => {
    assert.equal(dataOf(pulseRangeQuery.safeParse({ tz: "Europe/Berlin" })).tz, "Europe/Berlin");
    assert.equal(dataOf(pulseRangeQuery.safeParse({ tz: "Asia/Kolkata" })).tz, "Asia/Kolkata");
    assert.deepEqual(issuesOf(pulseRangeQuery.safeParse({ tz: "Mars/Olympus" })), [{ param: "tz", message: TZ_UNKNOWN }]);
    assert.deepEqual(issuesOf(pulseRangeQuery.safeParse({ tz: "UTC'; --" })), [
      { param: "tz", message: TZ_FORMAT },
      { param: "tz", message: TZ_UNKNOWN },
    ]);
    assert.deepEqual(issuesOf(pulseRangeQuery.safeParse({ tz: "../../etc/passwd" })), [
      { param: "tz", message: TZ_FORMAT },
      { param: "tz", message: TZ_UNKNOWN },
    ]);
    assert.deepEqual(issuesOf(pulseRangeQuery.safeParse({ tz: "A".repeat(10_000) })), [
      { param: "tz", message: "time zone is longer than 64 characters" },
      { param: "tz", message: TZ_UNKNOWN },
    ]);
  });

  test("custom range: from/to truncated to the minute, minutes counted", () => {
    const got = dataOf(pulseRangeQuery.safeParse({ range: "custom", from: "2026-11-24T12:00:30Z", to: "2026-11-24T13:00:59.999Z", tz: "Asia/Kolkata" }));
    assert.deepEqual(got, {
      range: { kind: "custom", startMs: Date.UTC(2026, 10, 24, 12, 0), endMs: Date.UTC(2026, 10, 24, 13, 0), minutes: 60 },
      tz: "Asia/Kolkata",
    });
  });

  test("from and to without range mean a custom range", () => {
    const got = dataOf(pulseRangeQuery.safeParse({ from: "2026-11-24T17:30+05:30", to: "2026-11-24T12:05Z" }));
    assert.deepEqual(got.range, { kind: "custom", startMs: Date.UTC(2026, 10, 24, 12, 0), endMs: Date.UTC(2026, 10, 24, 12, 5), minutes: 5 });
  });

  test("a preset range ignores from and to (which must still be valid)", () => {
    assert.deepEqual(dataOf(pulseRangeQuery.safeParse({ range: "1h", from: "2026-11-24T12:00Z", to: "2026-11-24T11:00Z" })).range, {
      kind: "preset",
      preset: "1h",
      minutes: 60,
    });
    assert.deepEqual(issuesOf(pulseRangeQuery.safeParse({ range: "1h", from: "x" })), [{ param: "from", message: INSTANT_FORMAT }]);
  });

  test("reversed and equal ranges are rejected, naming to", () => {
    assert.deepEqual(issuesOf(pulseRangeQuery.safeParse({ range: "custom", from: "2026-11-24T13:00Z", to: "2026-11-24T12:00Z" })), [
      { param: "to", message: "from must be before to" },
    ]);
    assert.deepEqual(issuesOf(pulseRangeQuery.safeParse({ range: "custom", from: "2026-11-24T12:00Z", to: "2026-11-24T12:00Z" })), [
      { param: "to", message: "from must be before to" },
    ]);
    // Different seconds, the same minute: equal after truncation.
    assert.deepEqual(issuesOf(pulseRangeQuery.safeParse({ from: "2026-11-24T12:00:10Z", to: "2026-11-24T12:00:50Z" })), [
      { param: "to", message: "from must be before to" },
    ]);
  });

  test("exactly 7 days is accepted, one minute more is rejected", () => {
    assert.equal(MAX_RT_RANGE_MINUTES, 10_080);
    assert.deepEqual(dataOf(pulseRangeQuery.safeParse({ range: "custom", from: "2026-11-24T12:00Z", to: "2026-12-01T12:00Z" })).range, {
      kind: "custom",
      startMs: Date.UTC(2026, 10, 24, 12, 0),
      endMs: Date.UTC(2026, 11, 1, 12, 0),
      minutes: 10_080,
    });
    assert.deepEqual(issuesOf(pulseRangeQuery.safeParse({ range: "custom", from: "2026-11-24T12:00Z", to: "2026-12-01T12:01Z" })), [
      { param: "to", message: "a range may span at most 7 days (the real-time log's retention)" },
    ]);
    assert.deepEqual(issuesOf(pulseRangeQuery.safeParse({ range: "custom", from: "2000-01-01T00:00Z", to: "2100-01-01T00:00Z" })), [
      { param: "to", message: "a range may span at most 7 days (the real-time log's retention)" },
    ]);
  });

  test("a custom range missing from or to is rejected", () => {
    assert.deepEqual(issuesOf(pulseRangeQuery.safeParse({ range: "custom", to: "2026-11-24T12:00Z" })), [
      { param: "from", message: "a custom range needs both from and to" },
    ]);
    assert.deepEqual(issuesOf(pulseRangeQuery.safeParse({ range: "custom" })), [{ param: "from", message: "a custom range needs both from and to" }]);
    // Missing `to`: the message says what is needed (the issue is filed under "from" by the module).
    const missingTo = issuesOf(pulseRangeQuery.safeParse({ range: "custom", from: "2026-11-24T12:00Z" }));
    assert.equal(missingTo.length, 1);
    assert.equal(missingTo[0]!.message, "a custom range needs both from and to");
    const loneFrom = issuesOf(pulseRangeQuery.safeParse({ from: "2026-11-24T12:00Z" }));
    assert.equal(loneFrom.length, 1);
    assert.equal(loneFrom[0]!.message, "a custom range needs both from and to");
    // An empty `to` is the same as none.
    const emptyTo = issuesOf(pulseRangeQuery.safeParse({ range: "custom", from: "2026-11-24T12:00Z", to: "" }));
    assert.equal(emptyTo[0]!.message, "a custom range needs both from and to");
  });

  test("bad from/to values are reported per parameter", () => {
    assert.deepEqual(issuesOf(pulseRangeQuery.safeParse({ range: "custom", from: "2026-11-24T12:00", to: "2026-11-24T13:00Z" })), [
      { param: "from", message: INSTANT_FORMAT },
    ]);
    assert.deepEqual(issuesOf(pulseRangeQuery.safeParse({ range: "custom", from: "1900-01-01T00:00Z", to: "3000-01-01T00:00Z" })), [
      { param: "from", message: INSTANT_RANGE },
      { param: "to", message: INSTANT_RANGE },
    ]);
    assert.deepEqual(issuesOf(pulseRangeQuery.safeParse({ range: "custom", from: "yesterday", to: "2026-11-24T12:00Z", tz: "Mars/Olympus" })), [
      { param: "from", message: INSTANT_FORMAT },
      { param: "tz", message: TZ_UNKNOWN },
    ]);
    assert.deepEqual(issuesOf(pulseRangeQuery.safeParse({ from: "'; DROP TABLE x; --", to: "2026-11-24T12:00Z" })), [
      { param: "from", message: INSTANT_FORMAT },
    ]);
  });

  test("repeated keys take the first value", () => {
    assert.deepEqual(dataOf(pulseRangeQuery.safeParse({ range: ["6h", "1h"], tz: ["Asia/Kolkata", "Mars/Olympus"] })), {
      range: { kind: "preset", preset: "6h", minutes: 360 },
      tz: "Asia/Kolkata",
    });
    assert.deepEqual(dataOf(pulseRangeQuery.safeParse({ from: ["2026-11-24T12:00Z", "x"], to: ["2026-11-24T12:30Z", "y"] })).range, {
      kind: "custom",
      startMs: Date.UTC(2026, 10, 24, 12, 0),
      endMs: Date.UTC(2026, 10, 24, 12, 30),
      minutes: 30,
    });
    // The first value decides even when a later one would be valid.
    assert.deepEqual(issuesOf(pulseRangeQuery.safeParse({ tz: ["Mars/Olympus", "UTC"] })), [{ param: "tz", message: TZ_UNKNOWN }]);
  });
});

describe("dailyRangeQuery / dailyVideosQuery", () => {
  test("nothing given: nothing filled in by the schema", () => {
    assert.deepEqual(dataOf(dailyRangeQuery.safeParse({})), {});
  });

  test("dailyVideosQuery defaults: watch_hours, desc, 100", () => {
    assert.deepEqual(dataOf(dailyVideosQuery.safeParse({})), { sort: "watch_hours", dir: "desc", limit: 100 });
    assert.deepEqual(dataOf(dailyVideosQuery.safeParse({ sort: "", dir: "", limit: "" })), { sort: "watch_hours", dir: "desc", limit: 100 });
  });

  test("a valid range with a category passes unchanged", () => {
    assert.deepEqual(
      dataOf(dailyVideosQuery.safeParse({ from: "2026-11-18", to: "2026-11-24", category: "Música & Arte", sort: "completion_rate", dir: "asc", limit: "50" })),
      {
        from: "2026-11-18",
        to: "2026-11-24",
        category: "Música & Arte",
        sort: "completion_rate",
        dir: "asc",
        limit: 50,
      },
    );
  });

  test("from after to is rejected, naming to; from == to is one day", () => {
    assert.deepEqual(issuesOf(dailyRangeQuery.safeParse({ from: "2026-11-24", to: "2026-11-23" })), [{ param: "to", message: "from must not be after to" }]);
    assert.deepEqual(dataOf(dailyRangeQuery.safeParse({ from: "2026-11-24", to: "2026-11-24" })), { from: "2026-11-24", to: "2026-11-24" });
  });

  test("92 days accepted, 93 rejected", () => {
    assert.equal(MAX_DAILY_RANGE_DAYS, 92);
    // Jan 31 + Feb 28 + Mar 31 = 90 days; 2026-01-01..2026-04-02 inclusive is 92.
    assert.deepEqual(dataOf(dailyRangeQuery.safeParse({ from: "2026-01-01", to: "2026-04-02" })), { from: "2026-01-01", to: "2026-04-02" });
    assert.deepEqual(issuesOf(dailyRangeQuery.safeParse({ from: "2026-01-01", to: "2026-04-03" })), [
      { param: "to", message: "a date range may span at most 92 days" },
    ]);
    assert.deepEqual(issuesOf(dailyVideosQuery.safeParse({ from: "2026-01-01", to: "2026-04-03" })), [
      { param: "to", message: "a date range may span at most 92 days" },
    ]);
    // Across a leap February: 2024-01-01..2024-04-01 is 31 + 29 + 31 + 1 = 92.
    assert.equal(dailyRangeQuery.safeParse({ from: "2024-01-01", to: "2024-04-01" }).success, true);
    assert.equal(dailyRangeQuery.safeParse({ from: "2024-01-01", to: "2024-04-02" }).success, false);
  });

  test("impossible calendar dates are rejected, naming the parameter", () => {
    assert.deepEqual(issuesOf(dailyRangeQuery.safeParse({ from: "2026-02-30" })), [{ param: "from", message: DATE_CALENDAR }]);
    assert.deepEqual(issuesOf(dailyRangeQuery.safeParse({ to: "2026-02-30" })), [{ param: "to", message: DATE_CALENDAR }]);
    assert.deepEqual(issuesOf(dailyRangeQuery.safeParse({ from: "2026-11-24'; --" })), [
      { param: "from", message: DATE_FORMAT },
      { param: "from", message: DATE_CALENDAR },
    ]);
  });

  test("categories: hostile and too long rejected, empty means none", () => {
    assert.deepEqual(issuesOf(dailyRangeQuery.safeParse({ category: "Music'; DROP TABLE x; --" })), [{ param: "category", message: CATEGORY_FORMAT }]);
    assert.deepEqual(issuesOf(dailyRangeQuery.safeParse({ category: "x".repeat(10_000) })), [
      { param: "category", message: "category is longer than 64 characters" },
    ]);
    assert.deepEqual(dataOf(dailyRangeQuery.safeParse({ category: "" })), { category: undefined });
  });

  test("sort and dir are closed enums", () => {
    for (const sort of ["watch_hours", "completion_rate", "unique_viewers", "retention_d1"]) {
      assert.equal(dataOf(dailyVideosQuery.safeParse({ sort })).sort, sort);
    }
    assert.equal(dataOf(dailyVideosQuery.safeParse({ dir: "asc" })).dir, "asc");
    assert.equal(dataOf(dailyVideosQuery.safeParse({ dir: "desc" })).dir, "desc");
    assert.deepEqual(issuesOf(dailyVideosQuery.safeParse({ sort: "watch_hours; DROP TABLE x", dir: "ASC" })), [
      { param: "sort", message: "sort must be one of watch_hours, completion_rate, unique_viewers, retention_d1" },
      { param: "dir", message: "dir must be asc or desc" },
    ]);
    assert.deepEqual(issuesOf(dailyVideosQuery.safeParse({ sort: "video_id" })), [
      { param: "sort", message: "sort must be one of watch_hours, completion_rate, unique_viewers, retention_d1" },
    ]);
  });

  test("limit bounds: 1..1000 integers", () => {
    assert.equal(dataOf(dailyVideosQuery.safeParse({ limit: "1" })).limit, 1);
    assert.equal(dataOf(dailyVideosQuery.safeParse({ limit: "1000" })).limit, 1000);
    assert.deepEqual(issuesOf(dailyVideosQuery.safeParse({ limit: "0" })), [{ param: "limit", message: "Too small: expected number to be >=1" }]);
    assert.deepEqual(issuesOf(dailyVideosQuery.safeParse({ limit: "-1" })), [{ param: "limit", message: "Too small: expected number to be >=1" }]);
    assert.deepEqual(issuesOf(dailyVideosQuery.safeParse({ limit: "1001" })), [{ param: "limit", message: "Too big: expected number to be <=1000" }]);
    assert.deepEqual(issuesOf(dailyVideosQuery.safeParse({ limit: "abc" })), [{ param: "limit", message: "Invalid input: expected number, received NaN" }]);
    assert.deepEqual(issuesOf(dailyVideosQuery.safeParse({ limit: "1.5" })), [{ param: "limit", message: "Invalid input: expected int, received number" }]);
    assert.equal(dailyVideosQuery.safeParse({ limit: "10; DROP TABLE x" }).success, false);
  });

  test("repeated keys take the first value", () => {
    assert.deepEqual(
      dataOf(
        dailyVideosQuery.safeParse({
          from: ["2026-11-18", "2026-01-01"],
          to: ["2026-11-24", "x"],
          sort: ["unique_viewers", "bogus"],
          dir: ["asc", "desc"],
          limit: ["7", "9999"],
        }),
      ),
      {
        from: "2026-11-18",
        to: "2026-11-24",
        sort: "unique_viewers",
        dir: "asc",
        limit: 7,
      },
    );
  });
});

describe("trendingQuery", () => {
  test("defaults: velocity, 25", () => {
    assert.deepEqual(dataOf(trendingQuery.safeParse({})), { sort: "velocity", limit: 25 });
  });

  test("limit max 200", () => {
    assert.equal(dataOf(trendingQuery.safeParse({ limit: "200" })).limit, 200);
    assert.deepEqual(issuesOf(trendingQuery.safeParse({ limit: "201" })), [{ param: "limit", message: "Too big: expected number to be <=200" }]);
    assert.deepEqual(issuesOf(trendingQuery.safeParse({ limit: "0" })), [{ param: "limit", message: "Too small: expected number to be >=1" }]);
  });

  test("sort enum and category", () => {
    assert.deepEqual(dataOf(trendingQuery.safeParse({ sort: "trending", category: "Gaming", limit: "10" })), {
      category: "Gaming",
      sort: "trending",
      limit: 10,
    });
    assert.equal(dataOf(trendingQuery.safeParse({ sort: "acceleration" })).sort, "acceleration");
    assert.deepEqual(issuesOf(trendingQuery.safeParse({ sort: "TRENDING" })), [
      { param: "sort", message: "sort must be velocity, acceleration, trending or change" },
    ]);
    assert.deepEqual(issuesOf(trendingQuery.safeParse({ category: "a;b" })), [{ param: "category", message: CATEGORY_FORMAT }]);
    assert.deepEqual(dataOf(trendingQuery.safeParse({ category: "" })), { category: undefined, sort: "velocity", limit: 25 });
  });

  test("unknown keys are dropped", () => {
    assert.deepEqual(dataOf(trendingQuery.safeParse({ evil: "'; DROP TABLE x; --" })), { sort: "velocity", limit: 25 });
  });

  test("repeated keys take the first value", () => {
    assert.deepEqual(dataOf(trendingQuery.safeParse({ sort: ["acceleration", "x"], limit: ["3", "500"], category: ["News", "a;b"] })), {
      category: "News",
      sort: "acceleration",
      limit: 3,
    });
  });
});

describe("videoSeriesQuery and refreshSchema", () => {
  test("video series range defaults to 24h and rejects custom", () => {
    assert.deepEqual(dataOf(videoSeriesQuery.safeParse({})), { range: "24h" });
    assert.deepEqual(dataOf(videoSeriesQuery.safeParse({ range: "1h" })), { range: "1h" });
    assert.deepEqual(issuesOf(videoSeriesQuery.safeParse({ range: "custom" })), [{ param: "range", message: "range must be 1h, 6h or 24h" }]);
  });

  test("refresh is one of the choices, default 30", () => {
    assert.equal(DEFAULT_REFRESH_SECONDS, 30);
    assert.equal(dataOf(refreshSchema.safeParse(undefined)), 30);
    assert.equal(dataOf(refreshSchema.safeParse("")), 30);
    assert.equal(dataOf(refreshSchema.safeParse("5")), 5);
    assert.equal(dataOf(refreshSchema.safeParse(["300", "5"])), 300);
    assert.deepEqual(issuesOf(refreshSchema.safeParse("7")), [{ param: "(request)", message: "refresh must be one of 5, 10, 30, 60, 300 seconds" }]);
  });
});

describe("searchParamsObject / describeIssues", () => {
  test("URLSearchParams: repeated keys give the first value, empty values stay empty", () => {
    assert.deepEqual(searchParamsObject(new URLSearchParams("limit=5&limit=7&sort=&tz=Asia%2FKolkata")), { limit: "5", sort: "", tz: "Asia/Kolkata" });
  });

  test("a Next searchParams record (pages) is read as it is: repeated values give the first", () => {
    const record = { limit: ["5", "7"], sort: "trending", tz: ["Asia/Kolkata", "UTC"] };
    assert.deepEqual(dataOf(trendingQuery.safeParse(record)), { sort: "trending", limit: 5 });
    assert.equal(dataOf(timeZoneParam.safeParse(record.tz)), "Asia/Kolkata");
  });

  test("each issue names its parameter, in input order", () => {
    assert.deepEqual(issuesOf(dailyVideosQuery.safeParse({ from: "2026-02-30", category: "a'b", limit: "abc" })), [
      { param: "from", message: DATE_CALENDAR },
      { param: "category", message: CATEGORY_FORMAT },
      { param: "limit", message: "Invalid input: expected number, received NaN" },
    ]);
  });

  test("a non-object request is reported as (request)", () => {
    const issues = issuesOf(trendingQuery.safeParse("limit=5"));
    assert.equal(issues.length, 1);
    assert.equal(issues[0]!.param, "(request)");
  });
});

test("instantSchema rejects impossible calendar fields instead of rolling them over", () => {
  for (const bad of ["2026-02-30T10:00Z", "2026-04-31T10:00Z", "2026-11-24T24:00Z", "2026-11-24T12:60Z"]) {
    assert.equal(instantSchema.safeParse(bad).success, false, bad);
  }
  assert.equal(instantSchema.parse("2028-02-29T10:00Z"), Date.UTC(2028, 1, 29, 10, 0));
});
