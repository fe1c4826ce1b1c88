/**
 * The Pulse page's URL state (search-params.ts) and its server check (url-check.ts): parse ->
 * serialize round trips, defaults stripped from links and keys, each route given only its
 * parameters, and invalid values refused with the API's own messages.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { loadPulseParams, type PulseParams, pulseHref, pulseQueries } from "./search-params";
import { checkPulseUrl } from "./url-check";

const DEFAULTS: PulseParams = {
  range: "24h",
  from: null,
  to: null,
  tz: "UTC",
  category: null,
  creator: null,
  sort: "velocity",
  refresh: 30,
  compare: "off",
  at: null,
  pinned: false,
};
const keys = (url: string) => {
  const q = pulseQueries(loadPulseParams(url));
  return { series: q.series.queryKey, kpis: q.kpis.queryKey, trending: q.trending.queryKey, retention: q.retention.queryKey, stream: q.stream.url };
};

describe("Pulse URL state", () => {
  test("an empty URL is the default view", () => {
    assert.deepEqual(loadPulseParams(""), DEFAULTS);
    assert.deepEqual(loadPulseParams({}), DEFAULTS);
  });

  test("defaults never reach a link, a key or the stream URL, even when the URL spells them out", () => {
    const spelled = "?range=24h&tz=UTC&sort=velocity&refresh=30&category=";
    assert.deepEqual(loadPulseParams(spelled), DEFAULTS);
    assert.equal(pulseHref("/", loadPulseParams(spelled)), "/");
    assert.deepEqual(keys(spelled), keys(""));
    assert.deepEqual(keys(""), {
      series: ["/api/pulse/series", ""],
      kpis: ["/api/pulse/kpis", ""],
      trending: ["/api/pulse/trending", "?limit=25"],
      retention: ["/api/pulse/retention", ""],
      stream: "/api/live/pulse",
    });
  });

  test("parse -> serialize gives the URL back (zone written readably), and serialize -> parse the state", () => {
    const url = "?range=6h&tz=Asia/Kolkata&category=Music&sort=trending&compare=week&refresh=5";
    const state = loadPulseParams(url);
    assert.deepEqual(state, { ...DEFAULTS, range: "6h", tz: "Asia/Kolkata", category: "Music", sort: "trending", refresh: 5, compare: "week" });
    assert.equal(pulseHref("/", state), `/${url}`);
    assert.deepEqual(loadPulseParams(pulseHref("/", state).slice(1)), state);
    // A percent-encoded zone reads the same.
    assert.deepEqual(loadPulseParams("?range=6h&tz=Asia%2FKolkata&category=Music&sort=trending&refresh=5&compare=week"), state);
  });

  test("each route gets only what it reads; the stream gets every live panel's parameters", () => {
    assert.deepEqual(keys("?refresh=60&sort=acceleration&tz=Europe/Berlin&range=1h"), {
      series: ["/api/pulse/series", "?range=1h&tz=Europe/Berlin"],
      kpis: ["/api/pulse/kpis", "?range=1h&tz=Europe/Berlin"],
      trending: ["/api/pulse/trending", "?sort=acceleration&limit=25"],
      retention: ["/api/pulse/retention", ""],
      stream: "/api/live/pulse?range=1h&tz=Europe/Berlin&sort=acceleration",
    });
  });

  test("the cross-filter (category, creator) narrows the chart and tiles as well as the table", () => {
    assert.deepEqual(keys("?category=Music&creator=u_1&range=1h"), {
      series: ["/api/pulse/series", "?range=1h&category=Music&creator=u_1"],
      kpis: ["/api/pulse/kpis", "?range=1h&category=Music&creator=u_1"],
      trending: ["/api/pulse/trending", "?category=Music&creator=u_1&limit=25"],
      retention: ["/api/pulse/retention", ""],
      stream: "/api/live/pulse?range=1h&category=Music&creator=u_1",
    });
    const wide = checkPulseUrl({ range: "custom", from: "2026-11-20T00:00Z", to: "2026-11-22T00:00Z", category: "Music" });
    assert.deepEqual(wide.ok ? null : wide.issues, [{ param: "range", message: "a category or creator filter covers ranges up to 24 hours" }]);
  });

  test("a custom range keeps its instants as written", () => {
    const k = keys("?range=custom&from=2026-11-24T10:00Z&to=2026-11-24T12:00Z");
    assert.deepEqual(k.series, ["/api/pulse/series", "?range=custom&from=2026-11-24T10:00Z&to=2026-11-24T12:00Z"]);
    assert.equal(k.stream, "/api/live/pulse?range=custom&from=2026-11-24T10:00Z&to=2026-11-24T12:00Z");
  });

  test("repeated keys: the parsers and the zod check both take the first value", () => {
    assert.equal(loadPulseParams({ range: ["1h", "6h"] }).range, "1h");
    const checked = checkPulseUrl({ range: ["1h", "9y"] });
    assert.ok(checked.ok);
    assert.deepEqual(checked.range.range, { kind: "preset", preset: "1h", minutes: 60 });
  });
});

describe("Pulse URL check (server page)", () => {
  test("a valid URL: the data layer gets what each route parses from its key", () => {
    const checked = checkPulseUrl({ range: "6h", tz: "Asia/Kolkata", sort: "trending", category: "Music", refresh: "10" });
    assert.ok(checked.ok);
    assert.deepEqual(checked.range, {
      range: { kind: "preset", preset: "6h", minutes: 360 },
      tz: "Asia/Kolkata",
      segment: { category: "Music", creator: null },
    });
    assert.deepEqual(checked.trending, { category: "Music", sort: "trending", limit: 25 });
    assert.equal(checked.params.refresh, 10);
  });

  test("values the parsers would replace by a default are refused, naming each parameter with the API's message", () => {
    assert.deepEqual(loadPulseParams("?range=9y&sort=up&refresh=7&compare=month"), DEFAULTS);
    const checked = checkPulseUrl({ range: "9y", sort: "up", refresh: "7", compare: "month" });
    assert.equal(checked.ok, false);
    assert.deepEqual(checked.ok ? null : checked.issues, [
      { param: "range", message: "range must be 1h, 6h, 24h or custom" },
      { param: "sort", message: "sort must be velocity, acceleration, trending or change" },
      { param: "refresh", message: "refresh must be one of 5, 10, 30, 60, 300 seconds" },
      { param: "compare", message: "compare must be off, day or week" },
    ]);
  });

  test("a clicked minute (at) and a pin are checked like the rest: a clear message, never a silent default", () => {
    const bad = checkPulseUrl({ at: "noon", pinned: "yes" });
    assert.deepEqual(bad.ok ? null : bad.issues.map((i) => i.param), ["at", "pinned"]);
    const good = checkPulseUrl({ range: "custom", from: "2026-11-25T11:00Z", to: "2026-11-25T12:00Z", pinned: "true", at: "2026-11-25T11:30Z" });
    assert.ok(good.ok);
    assert.equal(good.params.pinned, true);
    assert.equal(pulseHref("/", good.params), "/?range=custom&from=2026-11-25T11:00Z&to=2026-11-25T12:00Z&at=2026-11-25T11:30Z&pinned=true");
  });

  test("the comparison overlay: in the URL only when on, and its own route beside the series", () => {
    assert.equal(pulseHref("/", { ...DEFAULTS, compare: "week" }), "/?compare=week");
    assert.equal(pulseQueries(DEFAULTS).baseline, undefined);
    assert.deepEqual(pulseQueries({ ...DEFAULTS, range: "1h", compare: "day" }).baseline?.queryKey, ["/api/pulse/series/baseline", "?range=1h&compare=day"]);
  });

  test("free-text values the parsers keep are checked once, by the route's schema", () => {
    const zone = checkPulseUrl({ tz: "Mars/Base" });
    assert.deepEqual(zone.ok ? null : zone.issues, [{ param: "tz", message: "unknown time zone (use an IANA name such as UTC or Europe/Berlin)" }]);
    const half = checkPulseUrl({ range: "custom", from: "2026-11-24T12:00Z" });
    assert.deepEqual(half.ok ? null : half.issues, [{ param: "from", message: "a custom range needs both from and to" }]);
  });

  test("from/to without a range is a custom range, for the page as for the API", () => {
    const checked = checkPulseUrl({ from: "2026-11-24T10:00Z", to: "2026-11-24T10:30Z" });
    assert.ok(checked.ok);
    assert.deepEqual(checked.queries.series.queryKey, ["/api/pulse/series", "?from=2026-11-24T10:00Z&to=2026-11-24T10:30Z"]);
    assert.deepEqual(checked.range.range, { kind: "custom", startMs: Date.UTC(2026, 10, 24, 10), endMs: Date.UTC(2026, 10, 24, 10, 30), minutes: 30 });
  });
});
