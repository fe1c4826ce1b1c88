/**
 * The chaos soak's report (tools/soak/run.ts): the lines it prints, the JSON it keeps beside the
 * logs, and its verdict, from what the run measured.
 */
import { median, percentile } from "../bench/stats";
import type { BurstOutcome } from "./burst";
import type { DimsVerdict, EventsVerdict, JobsVerdict, RtVerdict } from "./checks";
import { type FaultOutcome, USER_REACTION_MS } from "./faults";
import type { JobFailure, MicroBatchRun } from "./job-failures";
import type { ViewerTally } from "./viewers";

/** After a fault's recovery, job failures this long after still count as the fault's (the jobs' next ticks). */
export const FAULT_GRACE_MS = 90_000;

export interface SoakOutcome {
  readonly minutes: number;
  readonly viewerCount: number;
  readonly faults: readonly FaultOutcome[];
  readonly events: EventsVerdict;
  readonly rt: RtVerdict;
  readonly dims: DimsVerdict;
  readonly jobs: JobsVerdict;
  readonly failures: readonly JobFailure[];
  readonly unexplained: readonly JobFailure[];
  readonly batches: readonly MicroBatchRun[];
  readonly tally: ViewerTally;
  readonly bursts: readonly BurstOutcome[];
}

export const secs = (ms: number | null) => (ms === null ? "never" : `${(ms / 1000).toFixed(1)} s`);

export function reportLines(o: SoakOutcome): string[] {
  const { minutes, viewerCount, faults, events, rt, dims, jobs, failures, unexplained, batches, tally, bursts } = o;
  const recoveries = faults.flatMap((f) => (f.recoveryMs === null ? [] : [f.recoveryMs]));
  const notBack = faults.filter((f) => f.recoveryMs === null);
  const servers = faults.filter((f) => f.kind !== "main" && f.recoveryMs !== null).map((f) => f.recoveryMs as number);
  const requests = tally.answered + tally.failed;
  return [
    "",
    `## Chaos soak: ${minutes} min, ${faults.length} faults, ${viewerCount} viewers, ${bursts.length} bursts of 300`,
    "",
    "Faults (kill -9), time from the kill until it was back:",
    ...faults.map(
      (f, i) =>
        `  ${String(i + 1).padStart(2)}. ${new Date(f.atMs).toISOString().slice(11, 19)}Z ${f.kind.padEnd(9)} ${secs(f.recoveryMs).padStart(8)}  ${f.note}`,
    ),
    `  servers (Trino, PostgreSQL, Kafka, dashboard): median ${secs(servers.length ? median(servers) : null)}, p95 ${secs(servers.length ? percentile(servers, 95) : null)}, max ${secs(servers.length ? Math.max(...servers) : null)}`,
    `  all faults, the main command included (restarted ${USER_REACTION_MS / 1000} s after its death): median ${secs(recoveries.length ? median(recoveries) : null)}, p95 ${secs(recoveries.length ? percentile(recoveries, 95) : null)}; never back: ${notBack.length}`,
    "",
    `Events: ${events.ackedRecords.toLocaleString("en-US")} records acknowledged by the broker (${events.ackedEvents.toLocaleString("en-US")} distinct events; ${events.producerDuplicates} sent twice by the simulated apps, as retrying clients do); Bronze holds ${events.bronzeRows.toLocaleString("en-US")} rows since the start`,
    `  lost ${events.lost}, doubled ${events.doubled}, in Bronze but never sent ${events.neverSent}; sent without acknowledgement ${events.unconfirmed} (${events.unconfirmedInBronze} of them reached Bronze)`,
    `Gold RT vs Bronze (as of micro-batch ${rt.batchId}, Bronze through ${new Date(rt.throughMs).toISOString().slice(11, 19)}Z): ${rt.cellsOff} of ${rt.cells.toLocaleString("en-US")} video-minute cells off; ${rt.recomputedEvents.toLocaleString("en-US")} events recomputed, ${rt.loggedEvents.toLocaleString("en-US")} logged`,
    `Dims: ${dims.videosChanged} videos and ${dims.usersChanged} users changed during the soak; off their last change: ${dims.videosOff.length} videos, ${dims.usersOff.length} users${[...dims.videosOff, ...dims.usersOff].length ? ` (${[...dims.videosOff, ...dims.usersOff].slice(0, 5).join(", ")})` : ""}`,
    `Jobs: ${jobs.jobs} with checkpoints, stuck ${jobs.stuck.length}${jobs.stuck.length ? `: ${jobs.stuck.join("; ")}` : ""}`,
    `Job failures: ${failures.length} logged, all but ${unexplained.length} inside a fault's window (kill to recovery + ${FAULT_GRACE_MS / 1000} s)${unexplained.length ? `; unexplained: ${unexplained.map((f) => `${new Date(f.atMs).toISOString().slice(11, 19)}Z ${f.job}: ${f.message}`).join(" | ")}` : ""}`,
    `Viewers: ${tally.answered.toLocaleString("en-US")} of ${requests.toLocaleString("en-US")} requests answered with data (${requests ? ((100 * tally.answered) / requests).toFixed(3) : "0"} %), ${tally.failed} failed after the page's retries; ${tally.retriedAttempts} attempts retried`,
    ...tally.failures.slice(0, 10).map((f) => `  failed: ${new Date(f.atMs).toISOString().slice(11, 19)}Z ${f.route}: ${f.last}`),
    `Bursts of 300 distinct ranges, each landing as a micro-batch starts (median micro-batch of the soak: ${batches.length ? `${median(batches.map((b) => b.durationMs))} ms` : "none"}):`,
    ...bursts.map((b) => {
      const during = batches.filter((m) => m.atMs >= b.atMs && m.atMs <= b.atMs + 90_000);
      const failed = failures.filter((f) => f.atMs >= b.atMs && f.atMs <= b.atMs + 90_000);
      return `  ${new Date(b.atMs).toISOString().slice(11, 19)}Z: ${b.data} data, ${b.refused503} 503, ${b.other} other; micro-batches committed meanwhile: ${during.map((m) => `${m.batchId} in ${m.durationMs} ms`).join(", ") || "none"}; job failures meanwhile: ${failed.length}`;
    }),
  ];
}

export function reportJson(o: SoakOutcome): object {
  return { ...o, tally: undefined, viewers: { ...o.tally, failures: o.tally.failures.slice(0, 100) } };
}

/** What the soak found wrong: empty when nothing was lost, doubled or off and every fault recovered. */
export function verdict(o: SoakOutcome): string[] {
  const { events, rt, dims, jobs, faults } = o;
  const notBack = faults.filter((f) => f.recoveryMs === null);
  return [
    events.lost > 0 && `${events.lost} events lost`,
    events.doubled > 0 && `${events.doubled} events doubled`,
    events.neverSent > 0 && `${events.neverSent} events in Bronze that were never sent`,
    rt.cellsOff > 0 && `${rt.cellsOff} Gold RT cells off`,
    dims.videosOff.length + dims.usersOff.length > 0 && "dims off their last change",
    jobs.stuck.length > 0 && "a stuck job",
    notBack.length > 0 && `${notBack.length} faults never recovered`,
  ].filter((x): x is string => typeof x === "string");
}
