/**
 * Section 1: N simulated browsers on the live stream of the Pulse page at once. Each connects, waits
 * for its snapshot, then for the next `commits` deltas. For each delta: how far apart the
 * subscribers received it (from the first receipt), and how long after the server read the new
 * version (/api/health `live.readAt`, fetched as soon as the first subscriber has the delta) and
 * after the micro-batch's 'committed' checkpoint (meta.job_checkpoints recorded_at) each got it.
 * The dashboard server's RSS and CPU are sampled throughout.
 */
import http from "node:http";
import { monitorEventLoopDelay } from "node:perf_hooks";
import type { TrinoConnection } from "../../../lib/trino/client";
import { int, ms1 } from "../format";
import { getJson } from "../http";
import { out, progress, sleep } from "../report";
import { maximum, percentile } from "../stats";
import { labelThenFigures, table } from "../table";
import { type Arrivals, delaysFrom, firstArrival, spreadFromFirst, summarizeDelays } from "./arrivals";
import { batchOfEventId, readBatches } from "./batches";
import { cpuLine, mib, ProcessSampler, readProcess, type ServerUsage } from "./server-process";
import { nowMs, type SubscriberState, subscribe } from "./sse-subscriber";

export const SSE_PATH = "/api/live/pulse?range=24h";
/** How long the last measured commit's later panel events are waited for after its first. */
const LAST_PANEL_MS = 8_000;
/** The target's limit: each commit within 2 s. */
export const WITHIN_MS = 2_000;
const CONNECT_TIMEOUT_MS = 120_000;
/** A commit a minute: a delta should come within this, or the server is not pushing. */
const DELTA_TIMEOUT_MS = 150_000;
/** After the first subscriber got the last delta, how long the others get. */
const STRAGGLER_MS = 15_000;

export interface DeltaRecord {
  readonly id: string;
  readonly batchId: number | undefined;
  /** Each subscriber's receipt of the commit's first delta event (the first of its panels). */
  readonly arrivals: Arrivals;
  /** Each subscriber's receipt of the commit's last delta event (every panel that changed). */
  readonly lastArrivals: Arrivals;
  /** The server's read of this version (health live.readAt), when health still showed it. */
  readonly serverReadAt: number | undefined;
  /** recorded_at of the batch's 'committed' checkpoint. */
  committedAt: number | undefined;
}

export interface SsePhase {
  readonly viewers: number;
  readonly startedAt: number;
  readonly connectedAt: number;
  endedAt: number;
  readonly subs: readonly SubscriberState[];
  readonly deltas: DeltaRecord[];
  /** Deltas whose first receipt came while subscribers were still connecting (not measured). */
  readonly duringConnect: string[];
  readonly server: ServerUsage;
  readonly afterRssKb: number | undefined;
  readonly timedOut: string | undefined;
  readonly loopP99Ms: number;
  readonly loopMaxMs: number;
  readonly clientCpuPct: number;
}

interface HealthLive {
  readonly live?: { readonly rtVersion?: string | null; readonly readAt?: number | null };
}

async function serverReadAt(base: string, batchId: number | undefined): Promise<number | undefined> {
  if (batchId === undefined) return undefined;
  try {
    const h = await getJson<HealthLive>(`${base}/api/health`, 10_000);
    return h.body.live?.rtVersion === `b${batchId}` && typeof h.body.live.readAt === "number" ? h.body.live.readAt : undefined;
  } catch {
    return undefined;
  }
}

export async function ssePhase(base: string, viewers: number, commits: number, pid: number | undefined, admin: TrinoConnection | undefined): Promise<SsePhase> {
  const agent = new http.Agent({ keepAlive: false, maxSockets: Number.POSITIVE_INFINITY });
  const sampler = new ProcessSampler(pid);
  const loop = monitorEventLoopDelay({ resolution: 10 });
  const cpu0 = process.cpuUsage();
  sampler.start();
  loop.enable();
  const startedAt = nowMs();
  const firstSeen = new Map<string, number>();
  const order: string[] = [];
  const healthReads = new Map<string, Promise<number | undefined>>();
  const onDelta = (id: string, at: number) => {
    if (firstSeen.has(id)) return;
    firstSeen.set(id, at);
    order.push(id);
    healthReads.set(id, serverReadAt(base, batchOfEventId(id)));
  };
  const url = new URL(SSE_PATH, base);
  const handles = Array.from({ length: viewers }, (_, i) => subscribe(url, i, agent, onDelta));
  const subs = handles.map((h) => h.state);
  const settled = () => subs.every((s) => s.snapshotAt !== undefined || s.error !== undefined);
  let timedOut: string | undefined;
  while (!settled()) {
    if (nowMs() - startedAt > CONNECT_TIMEOUT_MS) {
      timedOut = `${subs.filter((s) => s.snapshotAt === undefined && s.error === undefined).length} subscribers had no snapshot after ${CONNECT_TIMEOUT_MS / 1000} s`;
      break;
    }
    await sleep(50);
  }
  const connectedAt = nowMs();
  const duringConnect = [...order];
  progress(
    `SSE ${viewers}: ${subs.filter((s) => s.snapshotAt !== undefined).length} snapshots in ${((connectedAt - startedAt) / 1000).toFixed(1)} s; waiting for ${commits} commit(s)`,
  );

  const measured = () => order.filter((id) => !duringConnect.includes(id));
  let waitFrom = connectedAt;
  while (timedOut === undefined && measured().length < commits) {
    const seen = measured().length;
    if (subs.every((s) => s.error !== undefined)) {
      timedOut = `every subscriber failed (after ${seen} of ${commits} deltas)`;
      break;
    }
    if (nowMs() - waitFrom > DELTA_TIMEOUT_MS) {
      timedOut = `no delta within ${DELTA_TIMEOUT_MS / 1000} s (after ${seen} of ${commits})`;
      break;
    }
    await sleep(100);
    if (measured().length > seen) {
      waitFrom = nowMs();
      progress(`SSE ${viewers}: delta ${measured().at(-1)} (${measured().length}/${commits})`);
    }
  }
  const ids = measured().slice(0, commits);
  const last = ids.at(-1);
  if (last !== undefined) {
    const firstAt = firstSeen.get(last)!;
    while (nowMs() - firstAt < STRAGGLER_MS && subs.some((s) => s.error === undefined && !s.deltas.has(last))) await sleep(50);
    // The commit's slower panels follow its first event (each panel goes out as it lands).
    await sleep(LAST_PANEL_MS);
  }
  const endedAt = nowMs();
  for (const h of handles) h.close();
  loop.disable();
  const server = sampler.stop();
  const cpu = process.cpuUsage(cpu0);
  agent.destroy();

  const deltas: DeltaRecord[] = [];
  for (const id of ids) {
    deltas.push({
      id,
      batchId: batchOfEventId(id),
      arrivals: subs.map((s) => s.deltas.get(id)),
      lastArrivals: subs.map((s) => s.lastDeltas.get(id)),
      serverReadAt: await healthReads.get(id),
      committedAt: undefined,
    });
  }
  if (admin) await addCommitTimes(admin, deltas, startedAt);
  await sleep(5_000);
  const after = pid === undefined ? undefined : readProcess(pid);
  return {
    viewers,
    startedAt,
    connectedAt,
    endedAt,
    subs,
    deltas,
    duringConnect,
    server,
    afterRssKb: after?.rssKb,
    timedOut,
    loopP99Ms: loop.percentile(99) / 1e6,
    loopMaxMs: loop.max / 1e6,
    clientCpuPct: (100 * (cpu.user + cpu.system)) / 1000 / (endedAt - startedAt),
  };
}

async function addCommitTimes(admin: TrinoConnection, deltas: DeltaRecord[], sinceMs: number): Promise<void> {
  try {
    const batches = await readBatches(admin, sinceMs - 10 * 60_000);
    for (const d of deltas) d.committedAt = batches.find((b) => b.batchId === d.batchId)?.committedMs ?? undefined;
  } catch (err) {
    progress(`SSE: could not read commit times: ${err instanceof Error ? err.message : String(err)}`);
  }
}

const pct = (x: number) => (Number.isFinite(x) ? `${x.toFixed(1)} %` : "n/a");
const secs = (ms: number) => (Number.isFinite(ms) ? (ms / 1000).toFixed(2) : "n/a");
const clock = (ms: number | undefined) => (ms === undefined ? "n/a" : new Date(ms).toISOString().slice(11, 23));

export function reportSse(p: SsePhase): void {
  const n = p.viewers;
  out(`## 1. SSE: ${n} subscriber${n === 1 ? "" : "s"} on GET ${SSE_PATH}`);
  out();
  const snap = p.subs.flatMap((s) => (s.snapshotAt === undefined ? [] : [s.snapshotAt - s.requestedAt]));
  const headers = p.subs.flatMap((s) => (s.headersAt === undefined ? [] : [s.headersAt - s.requestedAt]));
  const errors = p.subs.filter((s) => s.error !== undefined);
  out(
    `  connect: ${snap.length}/${n} snapshots, request to snapshot p50 ${ms1(percentile(snap, 50))} ms, p95 ${ms1(percentile(snap, 95))} ms, max ${ms1(maximum(snap))} ms; all in ${secs(p.connectedAt - p.startedAt)} s; snapshot ${int(p.subs.find((s) => s.snapshotChars > 0)?.snapshotChars ?? 0)} chars of JSON`,
  );
  out(`           request to response headers p50 ${ms1(percentile(headers, 50))} ms, p95 ${ms1(percentile(headers, 95))} ms, max ${ms1(maximum(headers))} ms`);
  if (p.duringConnect.length) out(`  deltas while connecting (not measured): ${p.duringConnect.join(", ")}`);
  if (p.timedOut) out(`  STOPPED EARLY: ${p.timedOut}`);
  out();
  const rows: string[][] = [];
  for (const d of p.deltas) {
    const first = firstArrival(d.arrivals);
    const refs: [string, Arrivals, number | undefined][] = [
      ["from first receipt", d.arrivals, first],
      ["from server read (health live.readAt)", d.arrivals, d.serverReadAt],
      ["  all panels, from server read", d.lastArrivals, d.serverReadAt],
      ["from commit (checkpoint recorded_at)", d.arrivals, d.committedAt],
    ];
    refs.forEach(([label, arrivals, ref], i) => {
      const s = ref === undefined ? undefined : summarizeDelays(delaysFrom(arrivals, ref), n, WITHIN_MS);
      rows.push([
        i === 0 ? `b${d.batchId ?? "?"}` : "",
        label,
        s ? `${s.received}/${n}` : "n/a",
        s ? pct(s.withinPct) : "n/a",
        s ? ms1(s.p50) : "n/a",
        s ? ms1(s.p95) : "n/a",
        s ? ms1(s.max) : "n/a",
      ]);
    });
  }
  for (const l of table(["commit", "receipt time measured", "received", "within 2 s", "p50 ms", "p95 ms", "max ms"], rows, labelThenFigures(7))) out(`  ${l}`);
  out("  receipt = when the commit's first delta event (its first panels) reached the subscriber; 'all panels' = its last");
  out("  event, each panel being sent as it lands; server read = /api/health live.readAt, when the");
  out("  server's watcher had read the new batch (the target's 'server seeing it'); commit = recorded_at of the batch's");
  out("  'committed' checkpoint, stamped by the pipeline before that row's own Iceberg commit. 'within 2 s' counts every");
  out("  subscriber, a missing receipt as late.");
  out();
  for (const d of p.deltas) {
    const first = firstArrival(d.arrivals);
    out(
      `  b${d.batchId ?? "?"}: committed ${clock(d.committedAt)}, server read ${clock(d.serverReadAt)}, first receipt ${clock(Number.isFinite(first) ? first : undefined)} UTC; spread p95 ${ms1(percentile(spreadFromFirst(d.arrivals), 95))} ms (id ${d.id})`,
    );
  }
  const mismatches = p.subs.reduce((a, s) => a + s.baseMismatches, 0);
  const extra = p.subs.reduce((a, s) => a + s.extraSnapshots, 0);
  const statusCounts = new Map<string, number>();
  for (const s of p.subs) for (const e of s.statusEvents) statusCounts.set(e, (statusCounts.get(e) ?? 0) + 1);
  const statuses = [...statusCounts.values()].reduce((a, b) => a + b, 0);
  out();
  out(
    `  errors/disconnects: ${errors.length}${errors.length ? ` (${describeSubErrors(errors)})` : ""}; deltas with a base the subscriber did not hold: ${mismatches}; extra snapshots: ${extra}; status events: ${statuses}${statuses ? ` (${[...statusCounts].map(([k, v]) => `${v} x ${k.slice(0, 200)}`).join("; ")})` : ""}`,
  );
  out(
    `  dashboard server (listener): RSS before ${mib(p.server.before?.rssKb)}, max during ${mib(p.server.maxRssKb)}, 5 s after closing ${mib(p.afterRssKb)}; peak (VmHWM) ${mib(p.server.last?.hwmKb)}; over ${secs(p.endedAt - p.startedAt)} s: ${cpuLine(p.server)}`,
  );
  out(
    `  load generator: CPU ${pct(p.clientCpuPct)} of a core, event-loop delay p99 ${ms1(p.loopP99Ms)} ms, max ${ms1(p.loopMaxMs)} ms (its share of the receipt times)`,
  );
  out();
}

function describeSubErrors(errors: readonly SubscriberState[]): string {
  const counts = new Map<string, number>();
  for (const s of errors) counts.set(s.error!, (counts.get(s.error!) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 6)
    .map(([k, v]) => `${v} x ${k}`)
    .join("; ");
}

/** The worst delta of a phase by the share within 2 s of the first receipt, for the summary. */
export function sseSummary(p: SsePhase): {
  withinFirst: number;
  withinCommit: number;
  withinServer: number;
  withinServerAll: number;
  spreadP95: number;
  errors: number;
} {
  let withinServerAll = NaN;
  let withinFirst = NaN;
  let withinCommit = NaN;
  let withinServer = NaN;
  let spreadP95 = NaN;
  const min = (a: number, b: number) => (Number.isNaN(a) ? b : Math.min(a, b));
  for (const d of p.deltas) {
    const first = firstArrival(d.arrivals);
    withinFirst = min(withinFirst, summarizeDelays(delaysFrom(d.arrivals, first), p.viewers, WITHIN_MS).withinPct);
    spreadP95 = Math.max(Number.isNaN(spreadP95) ? 0 : spreadP95, percentile(spreadFromFirst(d.arrivals), 95));
    if (d.committedAt !== undefined) withinCommit = min(withinCommit, summarizeDelays(delaysFrom(d.arrivals, d.committedAt), p.viewers, WITHIN_MS).withinPct);
    if (d.serverReadAt !== undefined) {
      withinServer = min(withinServer, summarizeDelays(delaysFrom(d.arrivals, d.serverReadAt), p.viewers, WITHIN_MS).withinPct);
      withinServerAll = min(withinServerAll, summarizeDelays(delaysFrom(d.lastArrivals, d.serverReadAt), p.viewers, WITHIN_MS).withinPct);
    }
  }
  return { withinFirst, withinCommit, withinServer, withinServerAll, spreadP95, errors: p.subs.filter((s) => s.error !== undefined).length };
}
