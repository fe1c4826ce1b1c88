/**
 * A video page's URL state (search-params.ts) and its server check (url-check.ts): parse ->
 * serialize round trips, defaults stripped, the series route and the stream given their
 * parameters, and invalid values refused with the API's own messages.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { loadVideoParams, videoHref, videoQueries } from "./search-params";
import { checkVideoUrl } from "./url-check";

describe("video URL state", () => {
  test("defaults: 24 h, UTC, 30 s, and none of them in a link, a key or the stream URL", () => {
    const spelled = loadVideoParams("?range=24h&tz=UTC&refresh=30&compare=off");
    assert.deepEqual(spelled, { range: "24h", tz: "UTC", refresh: 30, compare: "off", from: null, to: null });
    assert.deepEqual(spelled, loadVideoParams(""));
    assert.equal(videoHref("/videos/v_1", spelled), "/videos/v_1");
    const q = videoQueries("v_1", spelled);
    assert.deepEqual(
      [q.summary.queryKey, q.series.queryKey, q.daily.queryKey],
      [
        ["/api/videos/v_1", ""],
        ["/api/videos/v_1/series", ""],
        ["/api/videos/v_1/daily", ""],
      ],
    );
    assert.equal(q.stream.url, "/api/live/videos/v_1");
    assert.deepEqual(Object.keys(q.stream.panels), ["summary", "series"]);
    assert.equal(q.baseline, undefined);
  });

  test("a zoom (from, to) stays in the page's URL: the series route and the stream still read the range only", () => {
    const state = loadVideoParams("?range=6h&from=2026-11-25T10:00Z&to=2026-11-25T10:30Z");
    assert.equal(videoHref("/videos/v_1", state), "/videos/v_1?range=6h&from=2026-11-25T10:00Z&to=2026-11-25T10:30Z");
    const q = videoQueries("v_1", state);
    assert.deepEqual(q.series.queryKey, ["/api/videos/v_1/series", "?range=6h"]);
    const half = checkVideoUrl("v_1", { from: "2026-11-25T10:00Z" });
    assert.deepEqual(half.ok ? null : half.issues, [{ param: "from", message: "a zoom needs both from and to" }]);
  });

  test("the comparison overlay reads the range and the mode; it is no part of the stream", () => {
    const q = videoQueries("v_1", loadVideoParams("?range=6h&compare=day&tz=Asia/Tokyo"));
    assert.deepEqual(q.baseline?.queryKey, ["/api/videos/v_1/series/baseline", "?range=6h&compare=day"]);
    assert.equal(q.stream.url, "/api/live/videos/v_1?range=6h&tz=Asia/Tokyo");
  });

  test("parse -> serialize round trip; the series reads the range only, the stream the range and zone", () => {
    const state = loadVideoParams("?range=1h&tz=America/New_York&refresh=5");
    assert.equal(videoHref("/videos/v_1", state), "/videos/v_1?range=1h&tz=America/New_York&refresh=5");
    const q = videoQueries("v_1", state);
    assert.deepEqual(q.series.queryKey, ["/api/videos/v_1/series", "?range=1h"]);
    assert.equal(q.stream.url, "/api/live/videos/v_1?range=1h&tz=America/New_York");
  });
});

describe("video URL check (server page)", () => {
  test("a valid URL gives the id, the series input and the queries", () => {
    const checked = checkVideoUrl("v_1", { range: "6h" });
    assert.ok(checked.ok);
    assert.equal(checked.videoId, "v_1");
    assert.deepEqual(checked.series, { range: "6h" });
  });

  test("a bad id, range, zone or refresh is refused with the API's messages", () => {
    const id = checkVideoUrl("bad'id", {});
    assert.deepEqual(id.ok ? null : id.issues, [{ param: "videoId", message: "video id may contain only letters, digits, '_' and '-'" }]);
    const rest = checkVideoUrl("v_1", { range: "custom", tz: "Nowhere", refresh: "1" });
    assert.deepEqual(rest.ok ? null : rest.issues, [
      { param: "range", message: "range must be 1h, 6h or 24h" },
      { param: "tz", message: "unknown time zone (use an IANA name such as UTC or Europe/Berlin)" },
      { param: "refresh", message: "refresh must be one of 5, 10, 30, 60, 300 seconds" },
    ]);
  });
});
