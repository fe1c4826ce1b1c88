/**
 * What the supervisor reports reaches /api/health and the nav. The supervisor itself is tested
 * against real servers it restarts (tools/lakehouse/supervisor.itest.ts); here its status file, the
 * interface between the main command and the dashboard, is written as the supervisor would write it
 * while Kafka is being restarted, while Trino is in a crash loop, and after the main command died.
 */
import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { instancePaths } from "../lib/lakehouse/settings";
import { type SupervisionStatus, writeSupervisionStatus } from "../lib/supervision/status";
import { testTrino } from "./e2e-settings";
import { shot } from "./screenshots";

const file = instancePaths(testTrino).supervisionFile;
const server = (name: string, label: string, patch: Partial<SupervisionStatus["servers"][number]> = {}) => ({
  name,
  label,
  state: "up" as const,
  downSince: null,
  restarts: 0,
  lastError: null,
  lastRecoveryMs: null,
  logFile: `/secret/path/${name}.log`,
  ...patch,
});
const status = (servers: SupervisionStatus["servers"], updatedAt = Date.now()): SupervisionStatus => ({ updatedAt, supervisorPid: 1, servers });
/**
 * 21:03:07 UTC, today's or, before then, yesterday's: the nav shows it as such. It must lie in the
 * past, since a status written "an hour before it" (20:03:07) is stale only if that is past too.
 */
const todayAt = new Date(`${new Date().toISOString().slice(0, 10)}T21:03:07Z`).getTime();
const downAt = todayAt <= Date.now() ? todayAt : todayAt - 86_400_000;

test.afterEach(() => fs.rmSync(file, { force: true }));

test("a server the supervisor is restarting shows in /api/health and the nav; the log path stays on the server", async ({ page, request }, info) => {
  writeSupervisionStatus(
    file,
    status([server("postgres", "PostgreSQL"), server("kafka", "Kafka", { state: "restarting", downSince: downAt, restarts: 2 }), server("trino", "Trino")]),
  );
  const res = await request.get("/api/health");
  const body = await res.json();
  expect(body.ok).toBe(false);
  expect(body.trino).toMatchObject({ reachable: true });
  expect(body.supervision.reporting).toBe(true);
  expect(body.supervision.servers.map((s: { name: string; state: string; restarts: number }) => [s.name, s.state, s.restarts])).toEqual([
    ["postgres", "up", 0],
    ["kafka", "restarting", 2],
    ["trino", "up", 0],
  ]);
  expect(JSON.stringify(body)).not.toContain("/secret/path");
  await page.goto("/");
  const badge = page.getByTestId("server-status");
  await expect(badge).toHaveText("Kafka down since 21:03:07 UTC · 2 restarts");
  await expect(badge).toHaveAttribute("title", "Kafka restarting since 21:03:07 UTC · 2 restarts");
  await shot(page, info, "server-restarting");
});

test("a crash loop, and a supervisor that stopped reporting, say so; all up says nothing", async ({ page }) => {
  writeSupervisionStatus(file, status([server("trino", "Trino", { state: "crash-loop", downSince: downAt, restarts: 5, lastError: "Trino did not start" })]));
  await page.goto("/");
  const badge = page.getByTestId("server-status");
  await expect(badge).toHaveText("Trino crash loop since 21:03:07 UTC · 5 restarts");
  writeSupervisionStatus(file, status([server("trino", "Trino")], downAt - 3_600_000));
  await page.reload();
  await expect(badge).toHaveText("servers unsupervised since 20:03:07 UTC");
  writeSupervisionStatus(file, status([server("trino", "Trino")]));
  await page.reload();
  await expect(page.getByTestId("health")).toBeVisible();
  await expect(badge).toHaveCount(0);
});
