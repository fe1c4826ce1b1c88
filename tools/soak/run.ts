/**
 * The chaos soak's run (scripts/soak.ts, `npm run soak`): seed, npm start, faults, viewers and
 * bursts for the given minutes, then the checks and the report.
 */

import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { REPO_ROOT } from "../../lib/config/env-files";
import { connectionFor } from "../../lib/lakehouse/connection";
import { type InstanceSettings, instanceSettings } from "../../lib/lakehouse/settings";
import { positiveOption as option } from "../process/cli-option";
import { type BurstOutcome, burst } from "./burst";
import { checkDims, checkEvents, checkJobs, checkRt } from "./checks";
import { planFaults } from "./fault-plan";
import { type FaultOutcome, strike } from "./faults";
import { outsideFaults, parseJobFailures, parseMicroBatches } from "./job-failures";
import { MainProcess } from "./main-process";
import { FAULT_GRACE_MS, reportJson, reportLines, type SoakOutcome, secs, verdict } from "./report";
import { RECORD_FILE, SOAK_DASHBOARD_PORT, SOAK_ROOT, soakEnvironment } from "./soak-env";
import { runViewers, type ViewerTally } from "./viewers";

const log = (msg: string) => console.log(`${new Date().toISOString().slice(11, 19)} [soak] ${msg}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The lakehouse command on the soak's instance, its output in the soak's log. */
function lakehouse(args: readonly string[], logFile: string): void {
  const fd = fs.openSync(logFile, "a");
  const r = spawnSync(process.execPath, ["--import", "tsx", "scripts/lakehouse.ts", ...args], { cwd: REPO_ROOT, env: process.env, stdio: ["ignore", fd, fd] });
  fs.closeSync(fd);
  if (r.status !== 0) throw new Error(`npm run lakehouse -- ${args.join(" ")} failed (exit ${r.status}); see ${logFile}`);
}

export async function runSoak(argv: readonly string[]): Promise<number> {
  const minutes = option(argv, "--minutes", 60);
  const faultCount = Math.max(5, Math.round(option(argv, "--faults", Math.round((minutes * 24) / 60))));
  const viewerCount = option(argv, "--viewers", 10);
  const burstEveryMin = option(argv, "--burst-every", 10);
  const eventsPerDay = option(argv, "--events-per-day", 2_500_000);
  fs.mkdirSync(SOAK_ROOT, { recursive: true });
  const soakLog = path.join(SOAK_ROOT, "soak.log");
  fs.writeFileSync(soakLog, "");
  const s = instanceSettings("main");
  log(
    `chaos soak: ${minutes} min, ${faultCount} faults, ${viewerCount} viewers, a 300-range burst every ${burstEveryMin} min, ${eventsPerDay.toLocaleString("en-US")} events/simulated day`,
  );
  log(`instance ${s.dir} (Trino ${s.port}, PostgreSQL ${s.pgPort}, dashboard ${SOAK_DASHBOARD_PORT}); servers' output in ${soakLog}`);

  log("resetting the soak's lakehouse and seeding one day of history at the soak's rate…");
  const t0 = Date.now();
  lakehouse(["reset", "--yes"], soakLog);
  lakehouse(["up"], soakLog);
  lakehouse(["seed", "--days", "1", "--events-per-day", String(eventsPerDay)], soakLog);
  log(`seeded in ${((Date.now() - t0) / 1000).toFixed(0)} s`);

  const mainLog = path.join(SOAK_ROOT, "main.log");
  fs.writeFileSync(mainLog, "");
  const mainProcess = new MainProcess(mainLog, soakEnvironment(RECORD_FILE));
  try {
    return await soakWith(mainProcess, { s, minutes, faultCount, viewerCount, burstEveryMin, mainLog });
  } finally {
    log("stopping npm start (Ctrl-C), then whatever of the soak's lakehouse still runs…");
    await mainProcess.stop();
    try {
      lakehouse(["down"], soakLog);
    } catch (err) {
      log(`could not stop the soak's lakehouse: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
}

interface SoakPlan {
  readonly s: InstanceSettings;
  readonly minutes: number;
  readonly faultCount: number;
  readonly viewerCount: number;
  readonly burstEveryMin: number;
  readonly mainLog: string;
}

async function soakWith(mainProcess: MainProcess, { s, minutes, faultCount, viewerCount, burstEveryMin, mainLog }: SoakPlan): Promise<number> {
  await mainProcess.start();
  const base = `http://127.0.0.1:${SOAK_DASHBOARD_PORT}`;
  const startMs = Date.now();
  const endMs = startMs + minutes * 60_000;
  log(`npm start is running (log ${mainLog}); the soak runs until ${new Date(endMs).toISOString().slice(11, 19)}Z`);

  const tally: ViewerTally = { answered: 0, failed: 0, retriedAttempts: 0, failures: [] };
  let stopViewers = false;
  const viewers = runViewers(base, viewerCount, 5_000, () => stopViewers, tally);
  const bursts: BurstOutcome[] = [];
  const seen = new Set<string>();
  const bursting = (async () => {
    for (let k = 1; ; k++) {
      const at = startMs + Math.min(burstEveryMin * 60_000 * (k - 0.5), (minutes * 60_000) / 2 + (k - 1) * burstEveryMin * 60_000);
      if (at > endMs - 60_000) return;
      await sleep(at - Date.now());
      const b = await burst(base, k, seen);
      bursts.push(b);
      log(`burst ${k}: ${b.data} answered with data, ${b.refused503} refused (503), ${b.other} other (statuses ${JSON.stringify(b.statuses)})`);
    }
  })();

  const plan = planFaults({
    durationMs: minutes * 60_000,
    count: faultCount,
    warmupMs: 45_000,
    tailMs: Math.min(120_000, minutes * 12_000),
    seed: Date.now() % 1_000_000,
  });
  const faults: FaultOutcome[] = [];
  for (const p of plan) {
    await sleep(startMs + p.atMs - Date.now());
    const f = await strike(p.kind, s, mainProcess);
    faults.push(f);
    log(`fault ${faults.length}/${plan.length}: kill -9 ${f.kind}${f.pid ? ` (pid ${f.pid})` : ""}: back in ${secs(f.recoveryMs)} (${f.note})`);
  }
  await sleep(endMs - Date.now());
  stopViewers = true;
  await Promise.all([viewers, bursting]);
  log(`traffic stopped; checking the lakehouse against the producer's record (${RECORD_FILE})`);

  const conn = connectionFor(s, "writer");
  const lastRecovery = Math.max(startMs, ...faults.map((f) => f.atMs + (f.recoveryMs ?? 0)));
  const events = await checkEvents(conn, RECORD_FILE, startMs, 240_000);
  // A micro-batch that read past the last recovery: the RT log then covers every fault.
  const rt = await checkRt(conn, lastRecovery, 240_000);
  const dims = await checkDims(conn, RECORD_FILE, 120_000);
  const jobs = await checkJobs(conn, 180_000);
  const windows = faults.map((f) => ({ fromMs: f.atMs, toMs: f.atMs + (f.recoveryMs ?? 300_000) + FAULT_GRACE_MS }));
  const failures = parseJobFailures(fs.readFileSync(mainLog, "utf8"), startMs);
  const unexplained = outsideFaults(failures, windows);
  const batches = parseMicroBatches(fs.readFileSync(mainLog, "utf8"), startMs);

  const outcome: SoakOutcome = { minutes, viewerCount, faults, events, rt, dims, jobs, failures, unexplained, batches, tally, bursts };
  for (const l of reportLines(outcome)) console.log(l);
  fs.writeFileSync(path.join(SOAK_ROOT, "report.json"), `${JSON.stringify(reportJson(outcome), null, 2)}\n`);
  const wrong = verdict(outcome);
  console.log(
    wrong.length ? `\nSOAK FAILED: ${wrong.join(", ")}` : "\nsoak passed: nothing lost, nothing doubled, Gold RT and the dims agree, every fault recovered",
  );
  return wrong.length ? 1 : 0;
}
