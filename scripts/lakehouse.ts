/**
 * `npm run lakehouse -- <command>`: the local lakehouse (PostgreSQL catalog + Trino 476 + Iceberg)
 * from one command.
 *   up       start PostgreSQL (initialised on first use), S3Proxy on the s3 profile, Kafka (fetched and
 *            formatted on first use, with Pulse's topics), fetch Trino if needed
 *            and start it (`--workers N`: a coordinator and N workers), migrate; `--storage s3` makes
 *            a new instance keep its warehouse in S3Proxy
 *   down     stop the Trino (workers, coordinator), Kafka, S3Proxy and PostgreSQL this command started
 *   status   each server and each Trino node: running/stopped, version, URL or port, data dir
 *   logs     last lines of the server logs (`logs 200`, `logs trino 200`, `logs worker2 50`, `logs s3proxy`, `logs kafka`, `logs postgres 50`)
 *   migrate  apply sql/ops (PostgreSQL) and sql/ddl (Trino), both idempotent
 *   seed     build N days of history into an empty lakehouse (`seed --days 8`; `--events-per-day N`, default 500000,
 *            sets the simulated platform's rate, which the live pipeline then keeps)
 *   microbatch   run the 1-minute micro-batch once
 *   daily    run Silver then Gold daily for one date (`daily --date 2026-11-23`)
 *   maintain run maintenance once (TTL, compaction, snapshot expiry, orphan files)
 *   reset    stop and delete this instance's data, catalog included (needs --yes)
 *   passwords    where the users' passwords and Trino's certificate are; `passwords --reset` makes new passwords
 * Add `--instance test` (or `--instance cluster`, the cluster smoke's) to act on that instance instead of the demo's.
 * Attach mode (PULSE_ATTACH_TRINO_URL set, lib/lakehouse/attach.ts): Pulse runs no server, so only
 * status, migrate, microbatch, daily and maintain apply, against the attached Trino and catalog.
 */
import fs from "node:fs";
import { toolsConfig } from "../lib/config/tools";
import { attachConnection, attachTarget } from "../lib/lakehouse/attach";
import { connectionFor } from "../lib/lakehouse/connection";
import { secretPaths } from "../lib/lakehouse/secrets";
import {
  INSTANCE_NAMES,
  type InstanceName,
  type InstanceSettings,
  instancePaths,
  instanceSettings,
  kafkaBootstrap,
  MAX_WORKERS,
  serverUrl,
} from "../lib/lakehouse/settings";
import { describeWarehouse, storageOf } from "../lib/lakehouse/storage-profile";
import { runGoldDaily } from "../lib/pipeline/daily/gold";
import { runSilverDaily } from "../lib/pipeline/daily/silver";
import { runMaintenance } from "../lib/pipeline/maintenance";
import { runMicroBatch } from "../lib/pipeline/rt/microbatch";
import { bronzeIsEmpty, seedHistory } from "../lib/pipeline/runner/backfill";
import { saveIdentity } from "../lib/pipeline/runner/sim-state";
import { DEFAULT_SCALE } from "../lib/pipeline/runner/simulation-source";
import { attachedMigrate, attachedStatus } from "../tools/lakehouse/attached";
import { describeMigration, lakehouseStatus, migrateLakehouse, startLakehouse, stopLakehouse } from "../tools/lakehouse/stack";
import { tailLog } from "../tools/process/log-tail";
import { passwords } from "../tools/trino/passwords-command";
import { LakehouseError } from "../tools/trino/server";
import { workerStatus } from "../tools/trino/workers";

const log = (msg: string) => console.log(`[lakehouse] ${msg}`);

/** What applies to a lakehouse Pulse does not run: no server to start, stop, reset or read logs of, no simulator to seed from. */
const ATTACHED_COMMANDS = new Set(["status", "migrate", "microbatch", "daily", "maintain"]);

/** Removes `--name value` from argv and returns the value (undefined when absent). */
function takeOption(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  if (i < 0) return undefined;
  const value = argv[i + 1];
  if (value === undefined || value.startsWith("--")) throw new LakehouseError(`${name} needs a value`);
  argv.splice(i, 2);
  return value;
}

/** The instance's settings, with what `up --workers N --storage s3` asks for instead of the settings' values. */
function settingsFrom(argv: string[]): InstanceSettings {
  const instance = takeOption(argv, "--instance") ?? "main";
  if (!INSTANCE_NAMES.includes(instance as InstanceName)) throw new LakehouseError(`--instance must be ${INSTANCE_NAMES.join(", ")}, not ${instance}`);
  const s = instanceSettings(instance as InstanceName);
  const workers = takeOption(argv, "--workers");
  const storage = takeOption(argv, "--storage");
  if (workers !== undefined && !(/^\d+$/.test(workers) && Number(workers) <= MAX_WORKERS)) {
    throw new LakehouseError(`--workers takes a whole number from 0 to ${MAX_WORKERS}, not ${workers}`);
  }
  if (storage !== undefined && storage !== "local" && storage !== "s3") throw new LakehouseError(`--storage takes local or s3, not ${storage}`);
  return { ...s, workers: workers === undefined ? s.workers : Number(workers), storage: storage ?? s.storage };
}

function printLogs(s: InstanceSettings, rest: string[]): void {
  const p = instancePaths(s);
  const servers: [string, string, string][] = [
    ["trino", s.workers === 0 && workerStatus(s).length === 0 ? "Trino" : "Trino coordinator", p.serverLog],
    ...workerStatus(s).map((w): [string, string, string] => [`worker${w.index}`, `Trino worker ${w.index}`, w.log]),
    ...(storageOf(s) === "s3" ? [["s3proxy", "S3Proxy", p.s3Log] as [string, string, string]] : []),
    ["kafka", "Kafka", p.kafkaLog],
    ["postgres", "PostgreSQL", p.pgLog],
  ];
  const names = servers.map(([n]) => n);
  const one = rest[0] !== undefined && names.includes(rest[0]) ? rest.shift() : undefined;
  const n = Number(rest[0] ?? 60);
  if (!Number.isInteger(n) || n < 1 || rest.length > 1) throw new LakehouseError(`logs takes [${names.join("|")}] [number of lines]`);
  for (const [name, label, file] of servers) {
    if (one === undefined) console.log(`\n==> ${label}: ${file}\n${tailLog(file, n)}`);
    else if (one === name) console.log(tailLog(file, n));
  }
}

async function main(argv: string[]): Promise<number> {
  const args = [...argv];
  const s = settingsFrom(args);
  const [command = "status", ...rest] = args;
  const attached = attachTarget(toolsConfig());
  if (attached && argv.includes("--instance")) throw new LakehouseError("--instance names a local lakehouse; attach mode (PULSE_ATTACH_TRINO_URL) has none");
  if (attached && !ATTACHED_COMMANDS.has(command)) {
    throw new LakehouseError(`'${command}' acts on a lakehouse Pulse runs; in attach mode (PULSE_ATTACH_TRINO_URL) use ${[...ATTACHED_COMMANDS].join(" | ")}`);
  }
  // The jobs' connection and snapshot retention: the attached Trino's, or the local instance's.
  const writer = () => (attached ? attachConnection(attached, "writer") : connectionFor(s, "writer"));
  const retention = attached ? attached.maintenanceRetention : s.maintenanceMinRetention;

  switch (command) {
    case "up": {
      const t0 = Date.now();
      const res = await startLakehouse(s, log);
      const t1 = Date.now();
      const m = await migrateLakehouse(s, log);
      log(`${describeMigration(m)} (${((Date.now() - t1) / 1000).toFixed(1)} s)`);
      const pg = res.postgres.alreadyRunning ? "PostgreSQL was running" : `PostgreSQL start-up ${(res.postgres.startupMs / 1000).toFixed(1)} s`;
      const s3 = !res.s3proxy ? "" : res.s3proxy.alreadyRunning ? ", S3Proxy was running" : `, S3Proxy start-up ${(res.s3proxy.startupMs / 1000).toFixed(1)} s`;
      const kafka = res.kafka.alreadyRunning ? ", Kafka was running" : `, Kafka start-up ${(res.kafka.startupMs / 1000).toFixed(1)} s`;
      const trino = res.trino.alreadyRunning ? "Trino was running" : `Trino start-up ${(res.trino.startupMs / 1000).toFixed(1)} s`;
      const download = res.trino.fromCache ? "" : `, downloaded ${(res.trino.downloadedBytes / 1024 ** 2).toFixed(0)} MB`;
      log(`up in ${((Date.now() - t0) / 1000).toFixed(1)} s: ${pg}${s3}${kafka}, ${trino}${download}`);
      const nodes = s.workers === 0 ? "one node" : `coordinator + ${s.workers} worker${s.workers === 1 ? "" : "s"}`;
      log(
        `Trino (${s.name}, ${nodes}) at ${serverUrl(s)}, catalog lakehouse on PostgreSQL 127.0.0.1:${s.pgPort}, storage ${storageOf(s)}: ${describeWarehouse(s)}`,
      );
      log(`passwords in ${secretPaths(s).credentials}, certificate ${secretPaths(s).certificate}`);
      return 0;
    }
    case "down":
      await stopLakehouse(s, log);
      return 0;
    case "status": {
      if (attached) {
        console.log(JSON.stringify(await attachedStatus(attached), null, 2));
        return 0;
      }
      const { storage, trino, workers, s3proxy, kafka, postgres } = await lakehouseStatus(s);
      const { credentials, certificate } = secretPaths(s);
      const state = (running: boolean, starting?: boolean) => (running ? (starting ? "starting" : "running") : "stopped");
      console.log(
        JSON.stringify(
          {
            instance: s.name,
            storage,
            trino: { role: workers.length === 0 ? "single node" : "coordinator", state: state(trino.running, trino.starting), ...trino },
            workers: workers.map((w) => ({ state: state(w.running), ...w })),
            ...(s3proxy ? { s3proxy: { state: state(s3proxy.running), ...s3proxy } } : {}),
            kafka: { state: state(kafka.running), ...kafka },
            postgres: { state: state(postgres.running), ...postgres },
            credentials,
            certificate,
          },
          null,
          2,
        ),
      );
      return 0;
    }
    case "logs":
      printLogs(s, rest);
      return 0;
    case "migrate": {
      if (attached) {
        await attachedMigrate(attached, log);
        return 0;
      }
      log(describeMigration(await migrateLakehouse(s, log)));
      return 0;
    }
    case "seed": {
      const conn = writer();
      if (!(await bronzeIsEmpty(conn))) throw new LakehouseError("Bronze already holds data; seed builds history only into an empty lakehouse (reset first)");
      const daysArg = rest.indexOf("--days");
      const days = daysArg >= 0 ? Number(rest[daysArg + 1]) : DEFAULT_SCALE.days;
      if (!Number.isInteger(days) || days < 1 || days > 60) throw new LakehouseError("--days takes a whole number from 1 to 60");
      const rateArg = rest.indexOf("--events-per-day");
      const eventsPerDay = rateArg >= 0 ? Number(rest[rateArg + 1]) : DEFAULT_SCALE.eventsPerDay;
      if (!Number.isInteger(eventsPerDay) || eventsPerDay < 1_000 || eventsPerDay > 100_000_000) {
        throw new LakehouseError("--events-per-day takes a whole number from 1000 to 100000000");
      }
      const res = await seedHistory(conn, { ...DEFAULT_SCALE, days, eventsPerDay, kafkaBootstrap: kafkaBootstrap(s) }, log);
      saveIdentity(s, res.identity);
      log(
        `seeded ${res.events.toLocaleString("en-US")} events (${Math.round(res.eventsPerSecond).toLocaleString("en-US")} events/s into Bronze), ${res.days.length} daily marts, in ${res.seconds.toFixed(0)} s`,
      );
      return 0;
    }
    case "microbatch": {
      const r = await runMicroBatch(writer());
      log(
        r.skipped
          ? "micro-batch: nothing new"
          : `micro-batch ${r.batchId}${r.recovered ? " (recovered)" : ""}: ${r.eventsCounted} events -> ${r.rowsWritten} rows in ${r.durationMs} ms`,
      );
      return 0;
    }
    case "daily": {
      const dateArg = rest.indexOf("--date");
      const date = dateArg >= 0 ? rest[dateArg + 1] : undefined;
      if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`))) {
        throw new LakehouseError("daily needs --date YYYY-MM-DD");
      }
      const silver = await runSilverDaily(writer(), date);
      const gold = await runGoldDaily(writer(), date);
      log(`daily ${date}: Silver ${silver.rows} rows in ${silver.durationMs} ms, Gold ${gold.rows} rows in ${gold.durationMs} ms`);
      return 0;
    }
    case "maintain": {
      const r = await runMaintenance(writer(), { retention, ttlDays: toolsConfig().PULSE_RT_TTL_DAYS }, log);
      log(`maintenance: TTL removed ${r.ttlDeletedRows} RT rows, ${r.tables} tables in ${(r.durationMs / 1000).toFixed(1)} s`);
      return 0;
    }
    case "reset": {
      if (!rest.includes("--yes")) {
        throw new LakehouseError(`reset deletes everything in ${s.dir} (data, catalog, operational store, storage profile); run it again with --yes`);
      }
      await stopLakehouse(s, log);
      fs.rmSync(s.dir, { recursive: true, force: true });
      log(`deleted ${s.dir}`);
      return 0;
    }
    case "passwords":
      return passwords(s, rest.includes("--reset"), log);
    default:
      throw new LakehouseError(
        `unknown command '${command}'; use up | down | status | logs | migrate | seed | microbatch | daily | maintain | reset | passwords [--reset]`,
      );
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`[lakehouse] error: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
