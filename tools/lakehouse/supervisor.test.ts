import assert from "node:assert/strict";
import test from "node:test";
import type { SupervisionStatus } from "../../lib/supervision/status";
import { backoffMs, MAX_RESTARTS_IN_WINDOW, type SupervisedServer, Supervisor } from "./supervisor";

/** A server whose life the test decides: `up` is what alive() says; restart() brings it up unless told to fail. */
function fakeServer(name: string, needs: string[] = []) {
  const s = {
    up: true,
    restartCalls: 0,
    failRestart: false as boolean,
    server: undefined as unknown as SupervisedServer,
  };
  s.server = {
    name,
    label: name.toUpperCase(),
    needs,
    logFile: `/logs/${name}.log`,
    alive: () => s.up,
    restart: async () => {
      s.restartCalls += 1;
      if (s.failRestart) throw new Error(`${name} would not start`);
      s.up = true;
    },
  };
  return s;
}

function harness(...servers: ReturnType<typeof fakeServer>[]) {
  let now = Date.UTC(2026, 10, 25, 21, 0, 0);
  const lines: string[] = [];
  const statuses: SupervisionStatus[] = [];
  const sup = new Supervisor(
    servers.map((s) => s.server),
    (l) => lines.push(l),
    (st) => statuses.push(st),
    () => now,
  );
  /** One check, and the restarts it started run to their end (the fake ones end at once). */
  const tick = async () => {
    await sup.tick();
    await sup.settle();
  };
  return { sup, tick, lines, statuses, advance: (ms: number) => (now += ms), at: () => now };
}

test("backoff: at once, then 2, 4, 8 ... s, at most 60 s", () => {
  assert.deepEqual([0, 1, 2, 3, 5, 6, 9].map(backoffMs), [0, 2_000, 4_000, 8_000, 32_000, 60_000, 60_000]);
});

test("a dead server is restarted at the next check and reported up, with its outage's length", async () => {
  const kafka = fakeServer("kafka");
  const h = harness(kafka);
  await h.tick();
  assert.equal(h.sup.pausedBy(), undefined);
  kafka.up = false;
  kafka.failRestart = true; // the first try fails: it stays down, and jobs are paused
  await h.tick();
  assert.equal(kafka.restartCalls, 1);
  assert.equal(h.sup.pausedBy(), "KAFKA down since 21:00:00");
  h.advance(1_000);
  await h.tick(); // within the 2 s backoff: no second try yet
  assert.equal(kafka.restartCalls, 1);
  kafka.failRestart = false;
  h.advance(1_500);
  await h.tick(); // 2.5 s after the failure: tried again, and it comes up
  assert.equal(kafka.restartCalls, 2);
  await h.tick();
  const [st] = h.sup.status().servers;
  assert.deepEqual([st!.state, st!.restarts, st!.downSince, st!.lastRecoveryMs, st!.lastError], ["up", 2, null, 2_500, null]);
  assert.equal(h.sup.pausedBy(), undefined);
  assert.ok(h.lines.some((l) => l.includes("KAFKA is up again after 2.5 s")));
});

test("a server waits while one it needs is down; the needed one is restarted first", async () => {
  const pg = fakeServer("postgres");
  const trino = fakeServer("trino", ["postgres"]);
  const h = harness(pg, trino);
  pg.up = false;
  pg.failRestart = true;
  trino.up = false;
  await h.tick();
  assert.deepEqual([pg.restartCalls, trino.restartCalls], [1, 0]);
  assert.equal(h.sup.pausedBy(), "POSTGRES down since 21:00:00");
  pg.failRestart = false;
  h.advance(2_000);
  await h.tick(); // postgres restarted; trino still waits for the next check to see postgres up
  await h.tick();
  assert.deepEqual([pg.restartCalls, trino.restartCalls], [2, 1]);
  await h.tick();
  assert.deepEqual(
    h.sup.status().servers.map((s) => [s.name, s.state]),
    [
      ["postgres", "up"],
      ["trino", "up"],
    ],
  );
});

test(`more than ${MAX_RESTARTS_IN_WINDOW} deaths in 10 minutes is a crash loop: reported, not restarted again`, async () => {
  const trino = fakeServer("trino");
  const h = harness(trino);
  for (let i = 0; i < MAX_RESTARTS_IN_WINDOW; i++) {
    trino.up = false;
    await h.tick(); // dies, restarted
    await h.tick(); // seen up
    h.advance(60_000);
  }
  assert.equal(trino.restartCalls, MAX_RESTARTS_IN_WINDOW);
  trino.up = false;
  await h.tick();
  assert.equal(trino.restartCalls, MAX_RESTARTS_IN_WINDOW);
  assert.equal(h.sup.status().servers[0]!.state, "crash-loop");
  assert.match(h.sup.pausedBy()!, /^TRINO in a crash loop since/);
  assert.ok(h.lines.some((l) => l.includes("not restarting it again (a crash loop); see /logs/trino.log")));
  h.advance(60 * 60_000);
  await h.tick();
  assert.equal(trino.restartCalls, MAX_RESTARTS_IN_WINDOW, "a crash loop is left to a person");
  trino.up = true; // someone started it by hand
  await h.tick();
  assert.equal(h.sup.status().servers[0]!.state, "up");
});

test("deaths spread over more than the window are restarted every time", async () => {
  const kafka = fakeServer("kafka");
  const h = harness(kafka);
  for (let i = 0; i < MAX_RESTARTS_IN_WINDOW * 2; i++) {
    kafka.up = false;
    await h.tick();
    await h.tick();
    h.advance(3 * 60_000);
  }
  assert.equal(kafka.restartCalls, MAX_RESTARTS_IN_WINDOW * 2);
  assert.equal(h.sup.status().servers[0]!.state, "up");
});

test("the status is published on every change and carries each server's restarts", async () => {
  const kafka = fakeServer("kafka");
  const h = harness(kafka);
  kafka.up = false;
  await h.tick();
  await h.tick();
  const states = h.statuses.map((s) => s.servers[0]!.state);
  assert.deepEqual(states, ["restarting", "down", "up"]);
  assert.equal(h.statuses.at(-1)!.servers[0]!.restarts, 1);
});

test("a server the jobs do not use (the dashboard) is restarted without pausing them; add() supervises it from then on", async () => {
  const kafka = fakeServer("kafka");
  const h = harness(kafka);
  const dashboard = fakeServer("dashboard");
  h.sup.add({ ...dashboard.server, jobsNeedIt: false });
  dashboard.up = false;
  dashboard.failRestart = true;
  await h.tick();
  assert.equal(dashboard.restartCalls, 1);
  assert.equal(h.sup.status().servers[1]!.state, "down");
  assert.equal(h.sup.pausedBy(), undefined);
});
