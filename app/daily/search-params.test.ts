/**
 * The daily page's URL state (search-params.ts) and its server check (url-check.ts): parse ->
 * serialize round trips, defaults stripped, each route given only its parameters, and invalid
 * values refused with the API's own messages.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { dailyHref, dailyQueries, loadDailyParams } from "./search-params";
import { checkDailyUrl } from "./url-check";

const DEFAULTS = { from: null, to: null, category: null, sort: "watch_hours", dir: "desc", metric: "watch_hours", min_viewers: "10" };
const keys = (url: string) => {
  const q = dailyQueries(loadDailyParams(url));
  return [q.videos.queryKey, q.categories.queryKey, q.retention.queryKey, q.distribution.queryKey];
};

describe("daily URL state", () => {
  test("an empty URL is the default view; spelled-out defaults read the same and leave every link and key", () => {
    assert.deepEqual(loadDailyParams(""), DEFAULTS);
    const spelled = "?sort=watch_hours&dir=desc&metric=watch_hours&min_viewers=10&from=";
    assert.deepEqual(loadDailyParams(spelled), DEFAULTS);
    assert.equal(dailyHref("/daily", loadDailyParams(spelled)), "/daily");
    assert.deepEqual(keys(spelled), [
      ["/api/daily/videos", ""],
      ["/api/daily/categories", ""],
      ["/api/daily/retention", ""],
      ["/api/daily/retention-distribution", ""],
    ]);
  });

  test("parse -> serialize gives the URL back, and each route gets only what it reads", () => {
    const url = "?from=2026-11-20&to=2026-11-22&category=Music&sort=unique_viewers&dir=asc&metric=retention_d1&min_viewers=1";
    const state = loadDailyParams(url);
    assert.deepEqual(state, {
      from: "2026-11-20",
      to: "2026-11-22",
      category: "Music",
      sort: "unique_viewers",
      dir: "asc",
      metric: "retention_d1",
      min_viewers: "1",
    });
    assert.equal(dailyHref("/daily", state), `/daily${url}`);
    assert.deepEqual(keys(url), [
      ["/api/daily/videos", "?from=2026-11-20&to=2026-11-22&category=Music&sort=unique_viewers&dir=asc"],
      ["/api/daily/categories", "?from=2026-11-20&to=2026-11-22&category=Music"],
      ["/api/daily/retention", "?from=2026-11-20&to=2026-11-22&category=Music"],
      ["/api/daily/retention-distribution", "?from=2026-11-20&to=2026-11-22&category=Music&min_viewers=1"],
    ]);
  });

  test("the retention tile's link to the D1 metric", () => {
    assert.equal(dailyHref("/daily", { metric: "retention_d1" }), "/daily?metric=retention_d1");
  });
});

describe("daily URL check (server page)", () => {
  test("a valid URL: the data layer gets what each route parses from its key", () => {
    const checked = checkDailyUrl({ from: "2026-11-20", to: "2026-11-22", min_viewers: "100", sort: "retention_d1" });
    assert.ok(checked.ok);
    assert.deepEqual(checked.videos, { from: "2026-11-20", to: "2026-11-22", sort: "retention_d1", dir: "desc", limit: 100 });
    assert.deepEqual(checked.range, { from: "2026-11-20", to: "2026-11-22" });
    assert.deepEqual(checked.distribution, { from: "2026-11-20", to: "2026-11-22", min_viewers: 100 });
  });

  test("bad values are refused with the API's messages, the trend metric included", () => {
    assert.deepEqual(loadDailyParams("?min_viewers=abc&metric=likes&dir=up"), DEFAULTS);
    const checked = checkDailyUrl({ min_viewers: "abc", metric: "likes", dir: "up", from: "2026-02-30" });
    assert.deepEqual(checked.ok ? null : checked.issues, [
      { param: "from", message: "not a calendar date between 2000 and 2100" },
      { param: "dir", message: "dir must be asc or desc" },
      { param: "min_viewers", message: "min_viewers must be one of 1, 10, 100, 1000" },
      { param: "metric", message: "metric must be one of watch_hours, unique_viewers, completion_rate, retention_d1" },
    ]);
  });
});
