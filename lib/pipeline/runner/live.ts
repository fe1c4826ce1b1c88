/**
 * The live pipeline of the main command: simulated traffic published to Kafka (topic pulse.events)
 * every few seconds and ingested from there into Bronze exactly once (lib/pipeline/kafka/ingest.ts),
 * dimension changes applied within seconds (CDC), the 1-minute micro-batch, the daily Silver and
 * Gold jobs at their scheduled hour (catching up any missed day), and hourly maintenance.
 * Without a simulation (attach mode's `npm start -- --jobs`) the same jobs run over a Bronze and
 * dimensions that another team's pipelines fill: nothing is ingested here.
 */
import { userChangeRecord, videoChangeRecord } from "../../kafka/change-record";
import { type EventRecord, eventRecord } from "../../kafka/event-record";
import type { ProducerRecord } from "../../kafka/producer-record";
import { KafkaPublisher } from "../../kafka/publisher";
import type { TrinoConnection } from "../../trino/client";
import { runGoldDaily } from "../daily/gold";
import { runSilverDaily } from "../daily/silver";
import { type AppliedEnds, ingestDimChanges } from "../dims/cdc";
import { runJob } from "../job-sql";
import { ingestToEnd } from "../kafka/catch-up";
import type { IngestCursor } from "../kafka/ingest";
import { compactRtLog, runMaintenance } from "../maintenance";
import { COMMIT_SAFETY_MS, runMicroBatch, trinoNowMs } from "../rt/microbatch";
import type { SimSlice, Simulation } from "../simulator";
import { BronzeWriteFence } from "./bronze-fence";
import { Scheduler } from "./scheduler";
import { DAY_MS, splitChanges, toBronze, utcMidnight } from "./simulation-source";

export const DAILY_HOUR_UTC = 9; // seed §5.1: daily at 09:00
const INGEST_EVERY_MS = 5_000;
/**
 * How long the micro-batch waits for an ingest write to end before it reads with the margin: as long
 * as the margin itself, since "now" after a wait of W costs W of lag, and the margin costs all of it.
 */
const FENCE_WAIT_MS = COMMIT_SAFETY_MS;
const MINUTE = 60_000;
const HOUR = 3_600_000;

export interface LiveOptions {
  readonly maintenanceRetention?: string;
  /** How often the micro-batch runs (PULSE_MICROBATCH_EVERY_SECONDS); a minute by default, as the seed's trigger. */
  readonly microBatchEveryMs?: number;
  /** Days of the RT log the hourly maintenance keeps (PULSE_RT_TTL_DAYS). */
  readonly rtTtlDays?: number;
  /** How many past days the daily catch-up looks at. */
  readonly catchUpDays?: number;
  /**
   * The local broker (host:port): events are published there and ingested from it, by this process
   * alone, so the micro-batch may read Bronze up to "now" (bronze-fence.ts). Absent in attach mode,
   * where other pipelines write Bronze and the micro-batch keeps its margin.
   */
  readonly kafkaBootstrap?: string;
  /** Why the jobs must wait now (the supervisor's view: a server they need is down), or undefined. */
  readonly pausedBy?: () => string | undefined;
  /** The producer's own record of what it sent (PULSE_PRODUCER_RECORD), for the chaos soak's checks. */
  readonly producerRecord?: ProducerRecord;
}

const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * Appends what one live tick publishes: the slice's events, then its video and user changes. One
 * record at a time, never `push(...records)`: after the main command was stopped for hours the
 * slice is that long, more than a call takes arguments ("Maximum call stack size exceeded", seen
 * resuming after 4 hours), and a throw here loses a slice the simulation has already moved past.
 */
export function appendLiveRecords(backlog: EventRecord[], slice: SimSlice, now: number): void {
  const changes = splitChanges(slice.changes);
  for (const e of slice.events) backlog.push(eventRecord(toBronze(e), null, now));
  for (const c of changes.videos) backlog.push(videoChangeRecord(c, now));
  for (const c of changes.users) backlog.push(userChangeRecord(c, now));
}

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
  /** Deliveries not yet published (a failed send is retried whole at the next tick; nothing is dropped). */
  private backlog: EventRecord[] = [];
  private readonly publisher: KafkaPublisher | undefined;
  /** CDC topics' ends already applied: an idle topic costs no Trino statement per tick. */
  private readonly cdcApplied: AppliedEnds = new Map();
  /** The events ingest's last committed checkpoint, kept between ticks instead of read back each time. */
  private readonly eventsCursor: IngestCursor = {};
  /** Present when this process's ingest is Bronze's only writer. */
  private readonly bronzeFence: BronzeWriteFence | undefined;

  constructor(
    private readonly conn: TrinoConnection,
    /** The simulated platform that feeds Bronze and the dims; undefined when someone else feeds them. */
    private readonly sim: Simulation | undefined,
    private readonly log: (m: string) => void,
    private readonly opts: LiveOptions = {},
  ) {
    this.scheduler = new Scheduler(log, opts.pausedBy);
    this.publisher = sim && opts.kafkaBootstrap ? new KafkaPublisher(opts.kafkaBootstrap) : undefined;
    this.bronzeFence = opts.kafkaBootstrap ? new BronzeWriteFence(COMMIT_SAFETY_MS) : undefined;
  }

  start(): void {
    const sim = this.sim;
    if (sim) this.scheduler.add({ name: "ingest", everyMs: INGEST_EVERY_MS, offsetMs: 0, run: () => this.ingest(sim) });
    else if (this.opts.kafkaBootstrap) this.scheduler.add({ name: "ingest", everyMs: INGEST_EVERY_MS, offsetMs: 0, run: () => this.ingestFromKafka() });
    // At :25 of each minute by default; at another period, 25 s into each period counted from the epoch.
    const microBatchEveryMs = this.opts.microBatchEveryMs ?? MINUTE;
    this.scheduler.add({ name: "rt-microbatch", everyMs: microBatchEveryMs, offsetMs: 25_000 % microBatchEveryMs, run: () => this.microBatch() });
    this.scheduler.add({ name: "daily", everyMs: 5 * MINUTE, offsetMs: 60_000, run: () => this.daily() });
    this.scheduler.add({ name: "maintenance", everyMs: HOUR, offsetMs: 40 * MINUTE, run: () => this.maintain() });
    // At :05:50, :15:50, ...: clear of the :25 micro-batch and of the hourly pass at :40.
    this.scheduler.add({ name: "rt-compact", everyMs: 10 * MINUTE, offsetMs: 5 * MINUTE + 50_000, run: () => this.compactRt() });
    this.log(
      `live: ${sim ? `ingest every ${INGEST_EVERY_MS / 1000} s` : "no ingest (Bronze and dims are fed by others)"}, micro-batch ${microBatchEveryMs === MINUTE ? "every minute at :25" : `every ${microBatchEveryMs / 1000} s`}, daily jobs at ${DAILY_HOUR_UTC}:00 UTC, maintenance hourly at :40, RT log compaction every 10 min`,
    );
  }

  async stop(): Promise<void> {
    await this.scheduler.stop();
    await this.publisher?.close().catch(() => undefined);
  }

  private async ingest(sim: Simulation): Promise<void> {
    const now = Date.now();
    appendLiveRecords(this.backlog, sim.advance(now), now);
    // A backlog is cleared only after the broker has it all; a failed send is retried whole at the
    // next tick (records that did reach the broker then arrive twice: the same event_ids, which the
    // micro-batch and Silver count once, and the same changes, which the dims apply once).
    if (this.backlog.length > 0 && this.publisher) {
      const send = this.opts.producerRecord?.sending(this.backlog);
      await this.publisher.publish(this.backlog);
      if (send) this.opts.producerRecord?.acked(send);
      this.backlog = [];
    }
    await this.ingestFromKafka();
  }

  /** Bronze takes what the topic holds beyond the last committed batch (an interrupted batch is finished first). */
  private async ingestFromKafka(): Promise<void> {
    const bootstrap = this.opts.kafkaBootstrap;
    if (!bootstrap || !this.bronzeFence) return;
    const batches = await this.bronzeFence.write(() => ingestToEnd(this.conn, bootstrap, { cursor: this.eventsCursor }));
    for (const r of batches) {
      if (r.recovered) this.log(`kafka ingest: finished interrupted batch ${r.batchId}: ${r.bronzeRows} Bronze rows, ${r.deadLetters} dead letters`);
      else if (r.deadLetters > 0) this.log(`kafka ingest: batch ${r.batchId}: ${r.deadLetters} of ${r.records} records set aside in bronze.dead_letters`);
    }
    const videos = await ingestDimChanges(this.conn, bootstrap, "videos", undefined, this.cdcApplied);
    const users = await ingestDimChanges(this.conn, bootstrap, "users", undefined, this.cdcApplied);
    if (videos.records + users.records > 0) {
      const dead = videos.deadLetters + users.deadLetters;
      this.log(
        `cdc: applied ${videos.records - videos.deadLetters} video and ${users.records - users.deadLetters} user changes${dead > 0 ? `; ${dead} set aside in bronze.dead_letters` : ""}`,
      );
    }
  }

  private async microBatch(): Promise<void> {
    const bound = await this.bronzeFence?.through(() => trinoNowMs(this.conn), FENCE_WAIT_MS);
    const r = await runMicroBatch(this.conn, bound ? { throughMs: bound.throughMs } : {});
    if (!r.skipped) {
      this.log(
        `rt-microbatch: batch ${r.batchId}${r.recovered ? " (recovered)" : ""}: ${r.eventsCounted} events -> ${r.rowsWritten} rows in ${r.durationMs} ms; complete through ${new Date(r.completeThroughMs).toISOString().slice(11, 16)}Z${bound && !bound.settled && !r.recovered ? `; Bronze read with the ${COMMIT_SAFETY_MS / 1000} s margin (an ingest write was in flight or failed lately)` : ""}`,
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
