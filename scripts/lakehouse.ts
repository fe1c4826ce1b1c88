/**
 * `npm run lakehouse -- <command>`: the local lakehouse (PostgreSQL catalog + Trino 476 + Iceberg)
 * from one command.
 *   up       start PostgreSQL (initialised on first use), fetch Trino if needed and start it, migrate
 *   down     stop the Trino and the PostgreSQL this command started
 *   status   each server: running/stopped, version, URL or port, data dir
 *   logs     last lines of the server logs (`logs 200`, `logs trino 200`, `logs postgres 50`)
 *   migrate  apply sql/ops (PostgreSQL) and sql/ddl (Trino), both idempotent
 *   seed     build N days of history into an empty lakehouse (`seed --days 8`)
 *   microbatch   run the 1-minute micro-batch once
 *   daily    run Silver then Gold daily for one date (`daily --date 2026-11-23`)
 *   maintain run maintenance once (TTL, compaction, snapshot expiry, orphan files)
 *   reset    stop and delete this instance's data, catalog included (needs --yes)
 *   passwords    where the users' passwords and Trino's certificate are; `passwords --reset` makes new passwords
 * Add `--instance test` to act on the test suite's instance instead of the demo's.
 * Attach mode (PULSE_ATTACH_TRINO_URL set, lib/lakehouse/attach.ts): Pulse runs no server, so only
 * status, migrate, microbatch, daily and maintain apply, against the attached Trino and catalog.
 */
import fs from "node:fs";
import { toolsConfig } from "../lib/config/tools";
import { attachConnection, attachTarget } from "../lib/lakehouse/attach";
import { connectionFor } from "../lib/lakehouse/connection";
import { secretPaths } from "../lib/lakehouse/secrets";
import { instancePaths, instanceSettings, serverUrl } from "../lib/lakehouse/settings";
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

const log = (msg: string) => console.log(`[lakehouse] ${msg}`);

/** What applies to a lakehouse Pulse does not run: no server to start, stop, reset or read logs of, no simulator to seed from. */
const ATTACHED_COMMANDS = new Set(["status", "migrate", "microbatch", "daily", "maintain"]);

async function main(argv: string[]): Promise<number> {
  const instIdx = argv.indexOf("--instance");
  const instance = instIdx >= 0 ? argv[instIdx + 1] : "main";
  if (instance !== "main" && instance !== "test") throw new LakehouseError(`--instance must be main or test, not ${instance}`);
  const args = instIdx < 0 ? argv : argv.filter((_, i) => i !== instIdx && i !== instIdx + 1);
  const [command = "status", ...rest] = args;
  const s = instanceSettings(instance);
  const attached = attachTarget(toolsConfig());
  if (attached && instIdx >= 0) throw new LakehouseError("--instance names a local lakehouse; attach mode (PULSE_ATTACH_TRINO_URL) has none");
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
      const trino = res.trino.alreadyRunning ? "Trino was running" : `Trino start-up ${(res.trino.startupMs / 1000).toFixed(1)} s`;
      const download = res.trino.fromCache ? "" : `, downloaded ${(res.trino.downloadedBytes / 1024 ** 2).toFixed(0)} MB`;
      log(`up in ${((Date.now() - t0) / 1000).toFixed(1)} s: ${pg}, ${trino}${download}`);
      log(`Trino (${s.name}) at ${serverUrl(s)}, catalog lakehouse on PostgreSQL 127.0.0.1:${s.pgPort}, data in ${instancePaths(s).warehouse}`);
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
      const { trino, postgres } = await lakehouseStatus(s);
      const { credentials, certificate } = secretPaths(s);
      const state = (running: boolean, starting?: boolean) => (running ? (starting ? "starting" : "running") : "stopped");
      console.log(
        JSON.stringify(
          {
            instance: s.name,
            trino: { state: state(trino.running, trino.starting), ...trino },
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
    case "logs": {
      const server = rest[0] === "trino" || rest[0] === "postgres" ? rest.shift() : undefined;
      const n = Number(rest[0] ?? 60);
      if (!Number.isInteger(n) || n < 1) throw new LakehouseError("logs takes [trino|postgres] [number of lines]");
      const p = instancePaths(s);
      if (server !== "postgres") console.log(`${server ? "" : `==> Trino: ${p.serverLog}\n`}${tailLog(p.serverLog, n)}`);
      if (server !== "trino") console.log(`${server ? "" : `\n==> PostgreSQL: ${p.pgLog}\n`}${tailLog(p.pgLog, n)}`);
      return 0;
    }
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
      const res = await seedHistory(conn, { ...DEFAULT_SCALE, days }, log);
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
      const r = await runMaintenance(writer(), { retention }, log);
      log(`maintenance: TTL removed ${r.ttlDeletedRows} RT rows, ${r.tables} tables in ${(r.durationMs / 1000).toFixed(1)} s`);
      return 0;
    }
    case "reset": {
      if (!rest.includes("--yes")) throw new LakehouseError(`reset deletes everything in ${s.dir} (data, catalog, operational store); run it again with --yes`);
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
