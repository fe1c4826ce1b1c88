import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { deferred } from "../../../tools/testing/deferred";
import type { Envelope, ResultMeta } from "../../dashboard/envelope";
import { KEPT_DELTAS, LiveView, type PanelSource, versionOfEventId } from "./live-view";
import type { PanelKind } from "./panel-diff";

/** 2023-11-14T21:53:00Z, a whole minute. */
const T0 = 1_699_999_980_000;
const MIN = 60_000;

const meta = (version: string, over: Partial<ResultMeta> = {}): ResultMeta => ({
  sql: "SELECT 1",
  fetchedAt: T0,
  stale: false,
  ageSeconds: 0,
  watermark: T0,
  version,
  ...over,
});

/** The chart at a version: minutes from..from+2, minute k with 10 + k plays unless `plays` overrides. */
const chart = (version: string, from: number, plays: Record<number, number> = {}): Envelope<unknown> => ({
  data: { bucket: "minute", points: [from, from + 1, from + 2].map((k) => ({ t: T0 + k * MIN, plays: plays[k] ?? 10 + k })) },
  meta: meta(version),
});

const tiles = (version: string, plays: number, over: Partial<ResultMeta> = {}): Envelope<unknown> => ({ data: { plays }, meta: meta(version, over) });

/**
 * A panel whose next answer the test sets (an envelope or an error), optionally held until a gate
 * opens; a load answers what was set when it was called, as a load at the then current version does.
 */
function fakeSource(name: string, kind: PanelKind, answer: Envelope<unknown>) {
  const s = {
    name,
    kind,
    calls: 0,
    answer: answer as Envelope<unknown> | Error,
    gate: undefined as Promise<void> | undefined,
    load: async (): Promise<Envelope<unknown>> => {
      s.calls += 1;
      const answer = s.answer;
      if (s.gate) await s.gate;
      if (answer instanceof Error) throw answer;
      return answer;
    },
  } satisfies PanelSource & Record<string, unknown>;
  return s;
}

function fakeSubscriber() {
  const s = {
    accept: true,
    closed: 0,
    events: [] as Uint8Array[],
    send(bytes: Uint8Array): boolean {
      if (!s.accept) return false;
      s.events.push(bytes);
      return true;
    },
    close() {
      s.closed += 1;
    },
  };
  return s;
}

interface SseEvent {
  readonly id?: string;
  readonly event: string;
  readonly data: unknown;
}

/** One SSE event's bytes as the browser's EventSource reads them: `field: value` lines, then a blank line. */
function parse(bytes: Uint8Array): SseEvent {
  const text = new TextDecoder().decode(bytes);
  assert.ok(text.endsWith("\n\n"), `event not terminated: ${JSON.stringify(text)}`);
  const fields = new Map<string, string>();
  for (const line of text.slice(0, -2).split("\n")) {
    const at = line.indexOf(": ");
    assert.ok(at > 0, `not a field line: ${line}`);
    assert.equal(fields.has(line.slice(0, at)), false);
    fields.set(line.slice(0, at), line.slice(at + 2));
  }
  assert.deepEqual(
    [...fields.keys()].filter((k) => k !== "id"),
    ["event", "data"],
  );
  const id = fields.get("id");
  return { ...(id !== undefined ? { id } : {}), event: fields.get("event")!, data: JSON.parse(fields.get("data")!) };
}

/** A view of a chart (points) and KPI tiles (full) at version b7.d1, on a hand-set version and clock. */
function setup() {
  const at = { version: "b7.d1" };
  const series = fakeSource("series", "points", chart("b7", 0));
  const kpis = fakeSource("kpis", "full", tiles("b7", 100));
  const view = new LiveView(
    "pulse:test",
    [series, kpis],
    () => at.version,
    () => 0,
  );
  return { at, series, kpis, view };
}

/** The first load's event id, `<version>.<process boot>.1`, and the boot part that later ids share. */
async function firstLoad(view: LiveView): Promise<{ id: string; boot: string }> {
  await view.ready();
  const id = view.eventId!;
  const m = /^b7\.d1\.([0-9a-z]+)\.1$/.exec(id);
  assert.ok(m, `unexpected first id ${id}`);
  return { id, boot: m[1]! };
}

describe("LiveView", () => {
  test("the first ready() loads every panel once; a second at the same version loads nothing", async () => {
    const { series, kpis, view } = setup();
    assert.equal(view.eventId, undefined);
    assert.equal(view.upToDate, false);
    const { id } = await firstLoad(view);
    assert.deepEqual([series.calls, kpis.calls], [1, 1]);
    assert.equal(view.upToDate, true);
    assert.deepEqual(view.currentPanels, { series: chart("b7", 0), kpis: tiles("b7", 100) });
    await view.ready();
    assert.deepEqual([series.calls, kpis.calls], [1, 1]);
    assert.equal(view.eventId, id);
  });

  test("the snapshot carries every panel under the current id and is serialized once per version", async () => {
    const { view } = setup();
    const { id } = await firstLoad(view);
    const bytes = view.snapshot();
    assert.equal(view.snapshot(), bytes);
    assert.deepEqual(parse(bytes), { id, event: "snapshot", data: { version: id, panels: { series: chart("b7", 0), kpis: tiles("b7", 100) } } });
  });

  test("a version change sends every subscriber exactly one delta of the changed panels, based on the previous id", async () => {
    const { at, series, kpis, view } = setup();
    const { id: first, boot } = await firstLoad(view);
    const a = fakeSubscriber();
    const b = fakeSubscriber();
    view.subscribe(a);
    view.subscribe(b);
    assert.equal(view.subscriberCount, 2);

    // Batch 8: the chart slides one minute and minute 2 is corrected; the tiles are unchanged.
    at.version = "b8.d1";
    series.answer = chart("b8", 1, { 2: 20 });
    kpis.answer = tiles("b8", 100);
    assert.equal(view.upToDate, false);
    await view.refresh();
    assert.deepEqual([series.calls, kpis.calls], [2, 2]);
    assert.equal(view.upToDate, true);

    const id = `b8.d1.${boot}.2`;
    assert.equal(view.eventId, id);
    assert.equal(a.events.length, 1);
    assert.equal(a.events[0], b.events[0], "the same bytes go to every subscriber");
    const delta = {
      version: id,
      base: first,
      panels: {
        series: {
          kind: "points",
          meta: meta("b8"),
          dropBefore: T0 + MIN,
          upsert: [
            { t: T0 + 2 * MIN, plays: 20 },
            { t: T0 + 3 * MIN, plays: 13 },
          ],
        },
      },
    };
    assert.equal(new TextDecoder().decode(a.events[0]), `id: ${id}\nevent: delta\ndata: ${JSON.stringify(delta)}\n\n`);
    assert.deepEqual(parse(a.events[0]!), { id, event: "delta", data: delta });
    // The view holds the new envelopes (the tiles' new meta too, though not sent).
    assert.deepEqual(view.currentPanels, { series: chart("b8", 1, { 2: 20 }), kpis: tiles("b8", 100) });
  });

  test("a slow panel holds back no other: each panel's delta goes out as it lands, chained by id; panels landing together share one event", async () => {
    const { at, series, kpis, view } = setup();
    const { id: first, boot } = await firstLoad(view);
    const s = fakeSubscriber();
    view.subscribe(s);

    // Batch 8: the tiles' statement is slow (held by a gate); the chart answers at once.
    at.version = "b8.d1";
    series.answer = chart("b8", 1);
    kpis.answer = tiles("b8", 101);
    const gate = deferred<void>();
    kpis.gate = gate.promise;
    const refreshed = view.refresh();
    await new Promise((r) => setImmediate(r));
    await new Promise((r) => setImmediate(r));
    const chartId = `b8.d1.${boot}.2`;
    assert.deepEqual(
      s.events.map((e) => parse(e)),
      [
        {
          id: chartId,
          event: "delta",
          data: {
            version: chartId,
            base: first,
            panels: { series: { kind: "points", meta: meta("b8"), dropBefore: T0 + MIN, upsert: [{ t: T0 + 3 * MIN, plays: 13 }] } },
          },
        },
      ],
      "the chart's delta is out while the tiles still load",
    );
    assert.equal(view.upToDate, false);
    // A browser connecting now gets a snapshot of exactly that id: the new chart, the old tiles.
    assert.deepEqual(parse(view.snapshot()), {
      id: chartId,
      event: "snapshot",
      data: { version: chartId, panels: { series: chart("b8", 1), kpis: tiles("b7", 100) } },
    });

    gate.resolve();
    await refreshed;
    const tilesId = `b8.d1.${boot}.3`;
    assert.deepEqual(parse(s.events[1]!), {
      id: tilesId,
      event: "delta",
      data: { version: tilesId, base: chartId, panels: { kpis: { kind: "full", envelope: tiles("b8", 101) } } },
    });
    assert.equal(s.events.length, 2);
    assert.equal(view.upToDate, true);
    // A browser that saw only the chart's event resumes with the tiles' one.
    assert.deepEqual(view.catchUp(chartId).map(parse), [parse(s.events[1]!)]);

    // Batch 9: both answer at once (cached, say): one event carries both panels.
    kpis.gate = undefined;
    at.version = "b9.d1";
    series.answer = chart("b9", 2);
    kpis.answer = tiles("b9", 102);
    await view.refresh();
    assert.equal(s.events.length, 3);
    const both = parse(s.events[2]!) as { data: { base: string; panels: Record<string, unknown> } };
    assert.equal(both.data.base, tilesId);
    assert.deepEqual(Object.keys(both.data.panels).sort(), ["kpis", "series"]);
  });

  test("a version change that changes nothing visible sends nothing and keeps the id", async () => {
    const { at, series, kpis, view } = setup();
    const { id } = await firstLoad(view);
    const s = fakeSubscriber();
    view.subscribe(s);
    at.version = "b8.d1";
    series.answer = chart("b8", 0);
    kpis.answer = tiles("b8", 100);
    await view.refresh();
    assert.deepEqual(s.events, []);
    assert.equal(view.eventId, id);
    assert.equal(view.upToDate, true);
    assert.deepEqual(view.catchUp(id), []);
  });

  test("catchUp: the snapshot without an id, nothing when current, the kept deltas after an older id", async () => {
    const { at, series, view } = setup();
    const { id: id1, boot } = await firstLoad(view);
    const s = fakeSubscriber();
    view.subscribe(s);
    for (const k of [1, 2]) {
      at.version = `b${7 + k}.d1`;
      series.answer = chart(`b${7 + k}`, k);
      await view.refresh();
    }
    const [d2, d3] = s.events;
    assert.deepEqual(
      [d2, d3].map((e) => parse(e!).id),
      [`b8.d1.${boot}.2`, `b9.d1.${boot}.3`],
    );
    assert.equal(parse(d3!).data && (parse(d3!).data as { base: string }).base, `b8.d1.${boot}.2`);

    assert.deepEqual(view.catchUp(undefined), [view.snapshot()]);
    assert.equal(parse(view.catchUp(undefined)[0]!).id, `b9.d1.${boot}.3`);
    assert.deepEqual(view.catchUp(`b9.d1.${boot}.3`), []);
    assert.deepEqual(view.catchUp(id1), [d2, d3]);
    assert.deepEqual(view.catchUp(`b8.d1.${boot}.2`), [d3]);
    // An id of another server process (a restart) or a made-up one: the snapshot.
    assert.deepEqual(view.catchUp("b8.d1.zzzz.2"), [view.snapshot()]);
  });

  test(`only the last ${KEPT_DELTAS} deltas are kept: an id older than that gets the snapshot`, async () => {
    const { at, series, view } = setup();
    const { id: id1, boot } = await firstLoad(view);
    for (let k = 1; k <= KEPT_DELTAS + 1; k++) {
      at.version = `b${7 + k}.d1`;
      series.answer = chart(`b${7 + k}`, k);
      await view.refresh();
    }
    assert.equal(view.eventId, `b${8 + KEPT_DELTAS}.d1.${boot}.${KEPT_DELTAS + 2}`);
    // The delta based on id1 was the first one and has been dropped.
    assert.deepEqual(view.catchUp(id1), [view.snapshot()]);
    // The one based on revision 2 is the oldest kept: all KEPT_DELTAS follow it.
    const kept = view.catchUp(`b8.d1.${boot}.2`);
    assert.equal(kept.length, KEPT_DELTAS);
    assert.equal(parse(kept[0]!).id, `b9.d1.${boot}.3`);
    assert.equal(parse(kept.at(-1)!).id, view.eventId);
  });

  test("a failing panel keeps its last envelope, the view says degraded, and the next refresh retries it", async () => {
    const { at, series, kpis, view } = setup();
    const { boot } = await firstLoad(view);
    const s = fakeSubscriber();
    view.subscribe(s);

    at.version = "b8.d1";
    series.answer = chart("b8", 1);
    kpis.answer = new Error("Trino is down");
    await view.refresh();
    assert.deepEqual(
      s.events.map((e) => parse(e)),
      // The panel that loaded goes out as it lands; the status once every panel has settled.
      [
        {
          id: `b8.d1.${boot}.2`,
          event: "delta",
          data: {
            version: `b8.d1.${boot}.2`,
            base: `b7.d1.${boot}.1`,
            panels: { series: { kind: "points", meta: meta("b8"), dropBefore: T0 + MIN, upsert: [{ t: T0 + 3 * MIN, plays: 13 }] } },
          },
        },
        { event: "status", data: { state: "degraded", reason: "Trino is down" } },
      ],
    );
    assert.deepEqual(view.currentPanels.kpis, tiles("b7", 100));
    assert.equal(view.upToDate, false);
    // ready() still answers: every panel has data.
    await view.ready();
    assert.deepEqual([series.calls, kpis.calls], [3, 3]);

    // A subscriber that joins while degraded is told at once.
    const late = fakeSubscriber();
    view.subscribe(late);
    assert.deepEqual(late.events.map(parse), [{ event: "status", data: { state: "degraded", reason: "Trino is down" } }]);

    // Same version, Trino back: the next refresh loads the panel again and says live.
    kpis.answer = tiles("b8", 101);
    s.events.length = 0;
    await view.refresh();
    assert.deepEqual([series.calls, kpis.calls], [4, 4]);
    assert.equal(view.upToDate, true);
    assert.deepEqual(
      s.events.map((e) => parse(e)),
      [
        {
          id: `b8.d1.${boot}.3`,
          event: "delta",
          data: { version: `b8.d1.${boot}.3`, base: `b8.d1.${boot}.2`, panels: { kpis: { kind: "full", envelope: tiles("b8", 101) } } },
        },
        { event: "status", data: { state: "live" } },
      ],
    );
  });

  test("a panel that never loaded makes ready() throw its error until it loads", async () => {
    const { kpis, view } = setup();
    const boom = new Error("Trino is down");
    kpis.answer = boom;
    await assert.rejects(view.ready(), (e) => e === boom);
    kpis.answer = tiles("b7", 100);
    await view.ready();
    assert.deepEqual(view.currentPanels.kpis, tiles("b7", 100));
  });

  test("a stale envelope (Trino failed, last good copy) keeps the view not up to date", async () => {
    const { at, series, kpis, view } = setup();
    await firstLoad(view);
    const s = fakeSubscriber();
    view.subscribe(s);
    at.version = "b8.d1";
    series.answer = chart("b8", 0);
    kpis.answer = tiles("b7", 100, { stale: true, staleReason: "Trino: query timed out" });
    await view.refresh();
    assert.equal(view.upToDate, false);
    assert.deepEqual(parse(s.events.at(-1)!), { event: "status", data: { state: "degraded", reason: "Trino: query timed out" } });
    assert.deepEqual(view.currentPanels.kpis, kpis.answer);
    // Every ready() tries again while it stays stale.
    await view.ready();
    assert.deepEqual([series.calls, kpis.calls], [3, 3]);
    kpis.answer = tiles("b8", 100);
    await view.ready();
    assert.equal(view.upToDate, true);
    await view.ready();
    assert.deepEqual([series.calls, kpis.calls], [4, 4]);
  });

  test("a subscriber that cannot keep up is dropped and closed; the others still get the event", async () => {
    const { at, series, view } = setup();
    await firstLoad(view);
    const slow = fakeSubscriber();
    const ok = fakeSubscriber();
    view.subscribe(slow);
    view.subscribe(ok);
    slow.accept = false;
    at.version = "b8.d1";
    series.answer = chart("b8", 1);
    await view.refresh();
    assert.equal(slow.closed, 1);
    assert.equal(view.subscriberCount, 1);
    assert.equal(ok.events.length, 1);
    slow.accept = true;
    at.version = "b9.d1";
    series.answer = chart("b9", 2);
    await view.refresh();
    assert.deepEqual([slow.events.length, slow.closed, ok.events.length], [0, 1, 2]);
  });

  test("an unsubscribed subscriber gets nothing more; closeAll closes the rest", async () => {
    const { at, series, view } = setup();
    await firstLoad(view);
    const a = fakeSubscriber();
    const b = fakeSubscriber();
    const off = view.subscribe(a);
    view.subscribe(b);
    off();
    at.version = "b8.d1";
    series.answer = chart("b8", 1);
    await view.refresh();
    assert.deepEqual([a.events.length, b.events.length], [0, 1]);
    view.closeAll();
    assert.deepEqual([a.closed, b.closed, view.subscriberCount], [0, 1, 0]);
  });

  test("concurrent refresh() calls load each panel once", async () => {
    const { at, series, kpis, view } = setup();
    await firstLoad(view);
    const gate = deferred();
    series.gate = gate.promise;
    at.version = "b8.d1";
    series.answer = chart("b8", 1);
    const calls = [view.refresh(), view.refresh(), view.ready(), view.refresh()];
    await new Promise((r) => setImmediate(r));
    assert.deepEqual([series.calls, kpis.calls], [2, 2]);
    gate.resolve();
    await Promise.all(calls);
    assert.deepEqual([series.calls, kpis.calls], [2, 2]);
    assert.equal(view.upToDate, true);
  });

  test("a version that moves while a refresh runs is loaded right after it, not left for the next change", async () => {
    const { at, series, kpis, view } = setup();
    const { boot } = await firstLoad(view);
    const s = fakeSubscriber();
    view.subscribe(s);
    const gate = deferred();
    series.gate = gate.promise;
    at.version = "b8.d1";
    series.answer = chart("b8", 1);
    const first = view.refresh();
    await new Promise((r) => setImmediate(r));
    // Batch 9 commits while batch 8 loads: the watcher tells the hub, which calls refresh() again.
    at.version = "b9.d1";
    const second = view.refresh();
    series.answer = chart("b9", 2);
    gate.resolve();
    series.gate = undefined;
    await Promise.all([first, second]);
    assert.deepEqual([series.calls, kpis.calls], [3, 3]);
    assert.equal(view.upToDate, true);
    assert.equal(view.eventId, `b9.d1.${boot}.3`);
    assert.deepEqual(
      s.events.map((e) => parse(e).id),
      [`b8.d1.${boot}.2`, `b9.d1.${boot}.3`],
    );
  });
});

test("versionOfEventId: the data version of an event id, whichever of the commit's panel events it is", () => {
  assert.equal(versionOfEventId("b40.d1795594718522.mwvx1486.2"), "b40.d1795594718522");
  assert.equal(versionOfEventId("b40.d1795594718522.mwvx1486.3"), "b40.d1795594718522");
  assert.equal(versionOfEventId("l3-8.d0.mwvx1486.1"), "l3-8.d0");
  assert.equal(versionOfEventId("odd"), "odd");
});
