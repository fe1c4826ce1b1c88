/**
 * Trino's resource groups on the real test Trino (tools/trino/resource-groups.ts): each Pulse login
 * lands in its own group, and the dashboard's group runs K + 2 queries at once and queues the next,
 * while the pipeline's writer still starts at once. Queries are looked up as the admin in
 * system.runtime.queries (the test instance keeps 50 finished ones listed).
 */
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, test } from "node:test";
import { q, requireTestInstance, rows, testInstance } from "../../tools/testing/trino-fixtures";
import { createClient, firstResponseId } from "../trino/client";
import { connectionFor } from "./connection";

before(requireTestInstance);

interface Listed {
  readonly query_id: string;
  readonly user: string;
  readonly state: string;
  readonly resource_group_id: string[] | null;
}

const listed = (where: string, params: Record<string, string | string[]>) =>
  rows<Listed>("admin", `SELECT query_id, "user", state, resource_group_id FROM system.runtime.queries WHERE ${where} ORDER BY query_id`, params);

test("the dashboard runs in pulse.dashboard, the writer and the admin in pulse.pipeline", async () => {
  const ran = {
    dashboard: (await q("dashboard", "SELECT 1 AS one")).queryId,
    writer: (await q("writer", "SELECT 1 AS one")).queryId,
    admin: (await q("admin", "SELECT 1 AS one")).queryId,
  };
  const found = await listed("contains(:ids, query_id)", { ids: Object.values(ran) });
  const groupOf = (id: string) => found.find((f) => f.query_id === id);
  assert.deepEqual(groupOf(ran.dashboard), { query_id: ran.dashboard, user: "pulse_dashboard", state: "FINISHED", resource_group_id: ["pulse", "dashboard"] });
  assert.deepEqual(groupOf(ran.writer), { query_id: ran.writer, user: "pulse_writer", state: "FINISHED", resource_group_id: ["pulse", "pipeline"] });
  assert.deepEqual(groupOf(ran.admin), { query_id: ran.admin, user: "pulse_admin", state: "FINISHED", resource_group_id: ["pulse", "pipeline"] });
});

// 10^8 rows that nobody reads: once Trino's output buffer is full the query waits, RUNNING, without
// burning the shared machine's cores, until it is cancelled.
const marker = `rg-cap-${randomUUID()}`;
const endless = `SELECT '${marker}' AS marker, x FROM UNNEST(sequence(1, 10000)) a(x) CROSS JOIN UNNEST(sequence(1, 10000)) b(y)`;
const dashboardClient = () => createClient(connectionFor(testInstance, "dashboard"), {}, 120_000);
// As the dashboard's only: the admin's own listing query carries the marker too.
const mine = () => listed(`"user" = 'pulse_dashboard' AND query LIKE :pattern`, { pattern: `%${marker}%` });

/**
 * Submits a dashboard query and asks for its first page only: that request dispatches it (Trino 476
 * waits for it), and trino-client keeps polling until a page has data, which a queued query never
 * has: `first` settles once the query has data, or has ended.
 */
async function startUnread(sql: string): Promise<{ id: string; first: Promise<unknown> }> {
  const iterator = await dashboardClient().query(sql);
  const id = firstResponseId(iterator);
  if (!id) throw new Error("Trino gave no query id");
  return { id, first: iterator.next().catch((err: unknown) => err) };
}

/** Cancels the endless queries still listed, as their owner (the admin may not call kill_query: no procedure rights). */
async function cancelMine(): Promise<void> {
  const client = dashboardClient();
  for (const x of await mine()) if (!["FINISHED", "FAILED"].includes(x.state)) await client.cancel(x.query_id);
}

// Whatever happened in the test, leave no endless query behind.
after(cancelMine);

async function statesOfMine(until: (states: Record<string, number>) => boolean): Promise<Record<string, number>> {
  let states: Record<string, number> = {};
  for (const deadline = Date.now() + 30_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 250))) {
    states = {};
    for (const x of await mine()) states[x.state] = (states[x.state] ?? 0) + 1;
    if (until(states)) break;
  }
  return states;
}

test("the dashboard's group runs K + 2 queries and queues the next; the writer starts meanwhile", async () => {
  const cap = testInstance.dashboardMaxQueries + 2;
  const started = await Promise.all(Array.from({ length: cap + 1 }, () => startUnread(endless)));
  assert.deepEqual(await statesOfMine((s) => s.RUNNING === cap && s.QUEUED === 1), { RUNNING: cap, QUEUED: 1 });
  // The pipeline's group is untouched by the dashboard's queue: a writer query starts and ends now.
  const t0 = Date.now();
  const writer = await q("writer", "SELECT 1 AS one");
  const writerMs = Date.now() - t0;
  const [w] = await rows<{ resource_group_id: string[]; queued_time_ms: number }>(
    "admin",
    "SELECT resource_group_id, queued_time_ms FROM system.runtime.queries WHERE query_id = :id",
    { id: writer.queryId },
  );
  assert.deepEqual(w?.resource_group_id, ["pulse", "pipeline"]);
  // Queued behind the dashboard it would wait until the cancel below. Its wall time on a loaded
  // machine is seconds of CPU; its time in Trino's queue is what the groups decide.
  assert.ok(w.queued_time_ms < 2_000, `the writer's SELECT 1 queued ${w.queued_time_ms} ms with the dashboard's group full`);
  console.log(
    `[resource-groups] writer SELECT 1 with the dashboard group full (${cap} running, 1 queued): ${writerMs} ms, ${w.queued_time_ms} ms of it queued in Trino`,
  );
  await cancelMine();
  assert.deepEqual(await statesOfMine((s) => s.FAILED === cap + 1), { FAILED: cap + 1 });
  await Promise.all(started.map((x) => x.first));
});
