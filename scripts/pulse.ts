/**
 * `npm start`: the main job. Brings up the local lakehouse (PostgreSQL catalog, Trino 476 + Iceberg, migrated), seeds
 * it with history if it is empty, then keeps the live pipeline running — simulated traffic into
 * Bronze, CDC, the 1-minute micro-batch, daily Silver/Gold, maintenance — until Ctrl-C, when it
 * lets running jobs finish and shuts Trino and PostgreSQL down cleanly. The dashboard (Next.js production build,
 * rebuilt when its sources changed) starts as soon as the lakehouse is up, on PULSE_DASHBOARD_PORT
 * (default 3000), so it shows its loading and empty states while a first seed runs. While it runs, a
 * supervisor restarts any of the instance's servers that dies (tools/lakehouse/supervisor.ts).
 * Attach mode (PULSE_ATTACH_TRINO_URL set): no local servers and no simulator; the dashboard over the
 * attached catalog, and with `--jobs` the live jobs over the team's Bronze (tools/lakehouse/attached-start.ts).
 */
import path from "node:path";
import { toolsConfig } from "../lib/config/tools";
import { ProducerRecord } from "../lib/kafka/producer-record";
import { type AttachTarget, attachTarget } from "../lib/lakehouse/attach";
import { connectionFor } from "../lib/lakehouse/connection";
import { dashboardTrinoEnv } from "../lib/lakehouse/dashboard-env";
import { instancePaths, instanceSettings, kafkaBootstrap, serverUrl } from "../lib/lakehouse/settings";
import { describeWarehouse } from "../lib/lakehouse/storage-profile";
import { ingestToEnd } from "../lib/pipeline/kafka/catch-up";
import { bronzeIsEmpty, seedHistory } from "../lib/pipeline/runner/backfill";
import { LivePipeline } from "../lib/pipeline/runner/live";
import { loadIdentity, resumeSimulation, saveIdentity } from "../lib/pipeline/runner/sim-state";
import { DEFAULT_SCALE } from "../lib/pipeline/runner/simulation-source";
import type { Simulation } from "../lib/pipeline/simulator";
import { writeSupervisionStatus } from "../lib/supervision/status";
import { buildDashboard, startDashboard } from "../tools/dashboard/next-process";
import { supervisedDashboard } from "../tools/dashboard/supervised-dashboard";
import { startAttached } from "../tools/lakehouse/attached-start";
import { describeMigration, migrateLakehouse, startLakehouse, stopLakehouse } from "../tools/lakehouse/stack";
import { StartedParts } from "../tools/lakehouse/started-parts";
import { supervisedServers } from "../tools/lakehouse/supervised-servers";
import { Supervisor } from "../tools/lakehouse/supervisor";

const log = (msg: string) => console.log(`${new Date().toISOString().slice(11, 19)} [pulse] ${msg}`);

/** Ctrl-C and SIGTERM run `stop` once, then exit. */
function onSignals(stop: () => Promise<void>): void {
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: letting running jobs finish`);
    await stop();
    process.exit(0);
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
}

async function mainAttached(t: AttachTarget, jobs: boolean): Promise<void> {
  const run = await startAttached(t, { jobs, port: toolsConfig().PULSE_DASHBOARD_PORT, log });
  log(`dashboard: ${run.dashboardUrl}`);
  log("running; press Ctrl-C to stop");
  onSignals(() => run.stop());
}

/** What the local start has brought up: stopped on Ctrl-C or SIGTERM at any point, or when the start fails. */
const parts = new StartedParts(log);

async function main(argv: readonly string[]): Promise<void> {
  const unknown = argv.filter((a) => a !== "--jobs");
  if (unknown.length > 0) throw new Error(`unknown argument ${unknown[0]}; npm start takes only --jobs (attach mode)`);
  const attached = attachTarget(toolsConfig());
  if (attached) return mainAttached(attached, argv.includes("--jobs"));
  if (argv.includes("--jobs")) throw new Error("--jobs is for attach mode (PULSE_ATTACH_TRINO_URL); the local lakehouse always runs its jobs");
  const s = instanceSettings("main");
  onSignals(() => parts.stop());
  const t0 = Date.now();
  const port = toolsConfig().PULSE_DASHBOARD_PORT;
  const building = buildDashboard(log);
  building.catch(() => undefined); // awaited below; this only stops an early failure being reported as unhandled
  await parts.lakehouseStarting(startLakehouse(s, log), () => stopLakehouse(s, log));
  const m = await migrateLakehouse(s, log);
  log(
    `lakehouse ready in ${((Date.now() - t0) / 1000).toFixed(1)} s: ${serverUrl(s)} (catalog lakehouse on PostgreSQL 127.0.0.1:${s.pgPort}); ${describeMigration(m)}`,
  );
  const p = instancePaths(s);
  log(`data in ${describeWarehouse(s)}; logs: ${p.serverLog}, ${p.pgLog}`);
  // From here on a server that dies is restarted (with backoff; a crash loop is reported instead),
  // and the live jobs wait while it is down.
  const supervisor = new Supervisor(
    supervisedServers(s, (line) => log(`supervisor: ${line}`)),
    log,
    (status) => writeSupervisionStatus(p.supervisionFile, status),
  );
  supervisor.start();
  parts.supervisor = supervisor;
  await building;
  const dashboardOptions = { port, trino: dashboardTrinoEnv(s), log, pidFile: path.join(s.dir, "dashboard.pid") };
  const dashboard = supervisedDashboard(dashboardOptions, await startDashboard(dashboardOptions));
  parts.dashboard = dashboard;
  supervisor.add(dashboard.server);
  log(`dashboard: ${dashboard.url()} (log: ${path.join(s.dir, "dashboard.log")})`);

  const writer = connectionFor(s, "writer");
  const identity = loadIdentity(s);
  let sim: Simulation;
  if (await bronzeIsEmpty(writer)) {
    log(
      `empty lakehouse: seeding ${DEFAULT_SCALE.days} days of history (${DEFAULT_SCALE.videos} videos, ${DEFAULT_SCALE.users} users, ~${DEFAULT_SCALE.eventsPerDay.toLocaleString("en-US")} events/day)`,
    );
    const seeded = await seedHistory(writer, { ...DEFAULT_SCALE, kafkaBootstrap: kafkaBootstrap(s) }, log);
    saveIdentity(s, seeded.identity);
    log(`seeded ${seeded.events.toLocaleString("en-US")} events in ${seeded.seconds.toFixed(0)} s`);
    sim = seeded.sim;
  } else if (!identity) {
    throw new Error(`Bronze holds data but ${s.dir}/simulation.json is missing; start afresh with 'npm run lakehouse -- reset --yes'`);
  } else {
    // Records published before a stop but not yet in Bronze go in first (stamped now), so the
    // simulation resumes after them instead of publishing the same events again.
    const caughtUp = await ingestToEnd(writer, kafkaBootstrap(s));
    if (caughtUp.length > 0) log(`kafka ingest: ${caughtUp.reduce((n, r) => n + r.records, 0)} records published before the stop are now in Bronze`);
    log("resuming the simulated platform where Bronze left off");
    sim = await resumeSimulation(writer, identity);
  }

  const recordFile = toolsConfig().PULSE_PRODUCER_RECORD;
  const pipeline = new LivePipeline(writer, sim, log, {
    maintenanceRetention: s.maintenanceMinRetention,
    rtTtlDays: toolsConfig().PULSE_RT_TTL_DAYS,
    microBatchEveryMs: toolsConfig().PULSE_MICROBATCH_EVERY_SECONDS * 1000,
    kafkaBootstrap: kafkaBootstrap(s),
    pausedBy: () => supervisor.pausedBy(),
    ...(recordFile ? { producerRecord: new ProducerRecord(recordFile) } : {}),
  });
  pipeline.start();
  parts.pipeline = pipeline;
  log("running; press Ctrl-C to stop");
}

main(process.argv.slice(2)).catch(async (err: unknown) => {
  // A step failing because Ctrl-C is stopping its servers: the signal's stop finishes and exits.
  if (parts.isStopping) return;
  console.error(`[pulse] error: ${err instanceof Error ? err.message : String(err)}`);
  await parts.stop();
  process.exit(1);
});
