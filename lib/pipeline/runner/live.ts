/**
 * The live pipeline of the main command: simulated traffic delivered to Bronze every few seconds,
 * dimension changes applied within seconds (CDC), the 1-minute micro-batch, the daily Silver and
 * Gold jobs at their scheduled hour (catching up any missed day), and hourly maintenance.
 * Without a simulation (attach mode's `npm start -- --jobs`) the same jobs run over a Bronze and
 * dimensions that another team's pipelines fill: nothing is ingested here.
 */
import type { TrinoConnection } from "../../trino/client";
import { type BronzeEvent, writeBronze } from "../bronze/writer";
import { runGoldDaily } from "../daily/gold";
import { runSilverDaily } from "../daily/silver";
import { applyUserChanges, applyVideoChanges, type UserChange, type VideoChange } from "../dims/cdc";
import { runJob } from "../job-sql";
import { compactRtLog, runMaintenance } from "../maintenance";
import { runMicroBatch } from "../rt/microbatch";
import type { Simulation } from "../simulator";
import { Scheduler } from "./scheduler";
import { DAY_MS, splitChanges, toBronze, utcMidnight } from "./simulation-source";

export const DAILY_HOUR_UTC = 9; // seed §5.1: daily at 09:00
const INGEST_EVERY_MS = 5_000;
const MINUTE = 60_000;
const HOUR = 3_600_000;

export interface LiveOptions {
  readonly maintenanceRetention?: string;
  /** Days of the RT log the hourly maintenance keeps (PULSE_RT_TTL_DAYS). */
  readonly rtTtlDays?: number;
  /** How many past days the daily catch-up looks at. */
  readonly catchUpDays?: number;
}

const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Dates whose daily jobs are due at `nowMs` (day over and its 09:00 next morning passed) but have no checkpoint. */
export function dueDates(nowMs: number, done: ReadonlySet<string>, lookbackDays: number): string[] {
  const out: string[] = [];
  const today = utcMidnight(nowMs);
  for (let d = today - lookbackDays * DAY_MS; d < today; d += DAY_MS) {
    const dueAt = d + DAY_MS + DAILY_HOUR_UTC * HOUR;
    if (nowMs >= dueAt && !done.has(iso(d))) out.push(iso(d));
  }
  return out;
}

export class LivePipeline {
  private readonly scheduler: Scheduler;
  /** Deliveries not yet in Bronze (a failed write is retried; nothing is dropped). */
  private backlog: BronzeEvent[] = [];
  private videoBacklog: VideoChange[] = [];
  private userBacklog: UserChange[] = [];

  constructor(
    private readonly conn: TrinoConnection,
    /** The simulated platform that feeds Bronze and the dims; undefined when someone else feeds them. */
    private readonly sim: Simulation | undefined,
    private readonly log: (m: string) => void,
    private readonly opts: LiveOptions = {},
  ) {
    this.scheduler = new Scheduler(log);
  }

  start(): void {
    const sim = this.sim;
    if (sim) this.scheduler.add({ name: "ingest", everyMs: INGEST_EVERY_MS, offsetMs: 0, run: () => this.ingest(sim) });
    this.scheduler.add({ name: "rt-microbatch", everyMs: MINUTE, offsetMs: 25_000, run: () => this.microBatch() });
    this.scheduler.add({ name: "daily", everyMs: 5 * MINUTE, offsetMs: 60_000, run: () => this.daily() });
    this.scheduler.add({ name: "maintenance", everyMs: HOUR, offsetMs: 40 * MINUTE, run: () => this.maintain() });
    // At :05:50, :15:50, ...: clear of the :25 micro-batch and of the hourly pass at :40.
    this.scheduler.add({ name: "rt-compact", everyMs: 10 * MINUTE, offsetMs: 5 * MINUTE + 50_000, run: () => this.compactRt() });
    this.log(
      `live: ${sim ? `ingest every ${INGEST_EVERY_MS / 1000} s` : "no ingest (Bronze and dims are fed by others)"}, micro-batch every minute at :25, daily jobs at ${DAILY_HOUR_UTC}:00 UTC, maintenance hourly at :40, RT log compaction every 10 min`,
    );
  }

  stop(): Promise<void> {
    return this.scheduler.stop();
  }

  private async ingest(sim: Simulation): Promise<void> {
    const slice = sim.advance(Date.now());
    this.backlog.push(...slice.events.map(toBronze));
    const changes = splitChanges(slice.changes);
    this.videoBacklog.push(...changes.videos);
    this.userBacklog.push(...changes.users);
    // A backlog is cleared only after its write succeeded; a failed write is retried whole at the
    // next tick (a copy that did commit is a duplicate the micro-batch and Silver skip).
    if (this.backlog.length > 0) {
      await writeBronze(this.conn, this.backlog);
      this.backlog = [];
    }
    if (this.videoBacklog.length + this.userBacklog.length > 0) {
      const [videos, users] = [this.videoBacklog.length, this.userBacklog.length];
      await applyVideoChanges(this.conn, this.videoBacklog);
      await applyUserChanges(this.conn, this.userBacklog);
      this.videoBacklog = [];
      this.userBacklog = [];
      this.log(`cdc: applied ${videos} video and ${users} user changes`);
    }
  }

  private async microBatch(): Promise<void> {
    const r = await runMicroBatch(this.conn);
    if (!r.skipped) {
      this.log(
        `rt-microbatch: batch ${r.batchId}${r.recovered ? " (recovered)" : ""}: ${r.eventsCounted} events -> ${r.rowsWritten} rows in ${r.durationMs} ms; complete through ${new Date(r.completeThroughMs).toISOString().slice(11, 16)}Z`,
      );
    }
  }

  private async daily(): Promise<void> {
    const res = await runJob<{ date: string }>(this.conn, "gold_daily_committed_dates");
    const done = new Set(res.rows.map((r) => r.date));
    for (const date of dueDates(Date.now(), done, this.opts.catchUpDays ?? 8)) {
      const silver = await runSilverDaily(this.conn, date);
      const gold = await runGoldDaily(this.conn, date);
      this.log(`daily ${date}: Silver ${silver.rows} rows (${silver.durationMs} ms), Gold ${gold.rows} rows (${gold.durationMs} ms)`);
    }
  }

  private async maintain(): Promise<void> {
    const r = await runMaintenance(this.conn, { retention: this.opts.maintenanceRetention ?? "1h", ttlDays: this.opts.rtTtlDays });
    this.log(`maintenance: TTL removed ${r.ttlDeletedRows} RT rows; ${r.tables} tables compacted and expired in ${(r.durationMs / 1000).toFixed(1)} s`);
  }

  private async compactRt(): Promise<void> {
    const t0 = Date.now();
    await compactRtLog(this.conn);
    this.log(`rt-compact: RT log compacted in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }
}
