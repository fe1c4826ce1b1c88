/**
 * The one watcher per dashboard server that learns of data changes: each real-time micro-batch
 * commit and each daily build, within about a second, at no Trino cost per viewer.
 *
 * Every such commit writes a checkpoint row to meta.job_checkpoints, and an Iceberg commit through
 * the JDBC catalog changes that table's metadata_location in PostgreSQL. So every `probeMs` the
 * watcher reads those strings (CatalogProbe) and runs one Trino statement (rt_watermark.sql) for
 * the new versions only when a checkpoint moved after the data tables did: a micro-batch commits
 * 'started', then its Gold rows, then 'committed', and only the last moves the watermark. A
 * checkpoint that moved with no unseen data before it (a 'started' row, Silver's checkpoint, the
 * seed's progress) costs no read (the Kafka consumers checkpoint in meta.ingest_checkpoints, which
 * is not watched); the resync catches a change that
 * slipped by (a batch recovered after both a crash and a restart of this server). Without a catalog database (attached to a Trino whose
 * catalog Pulse cannot read) it runs that statement every `trinoProbeMs` instead. While history is
 * still loading, seed progress (its own table) is re-read at the Trino period too, and once every
 * `resyncMs` the state is re-read whatever the probe says, in case a change slipped by.
 *
 * No "server-only" import: the timing rules are unit-tested with injected probe and reader.
 */
import type { RtWatermark } from "../queries/rt-progress-row";

export interface LiveState {
  readonly rt: RtWatermark;
  /** Version of the real-time data: moves with each committed micro-batch (and seed progress while loading). */
  readonly rtVersion: string;
  /** Version of the daily marts: moves with each daily build. */
  readonly dailyVersion: string;
  /** When the watcher read this state, epoch ms. */
  readonly readAt: number;
}

export interface LiveChange {
  readonly rt: boolean;
  readonly daily: boolean;
}

export type LiveListener = (state: LiveState, change: LiveChange) => void;

/** What the catalog says has committed: the checkpoint table's metadata file, and the data tables'. */
export interface CommitTokens {
  readonly checkpoints: string | null;
  readonly data: string;
}

/**
 * While the data tables' commit is still unseen, checkpoint moves are read at once QUICK_READS
 * times after each data move (a micro-batch's 'committed' row follows its Gold write within
 * seconds, perhaps after another job's checkpoint), then at most once per PENDING_MS: a batch stuck
 * between its two writes must not cost a read per checkpoint of other jobs.
 */
export const QUICK_READS = 3;
export const PENDING_MS = 20_000;

export interface WatcherDeps {
  /** The catalog's commit tokens; absent when the catalog database is not reachable by configuration. */
  readonly probe?: () => Promise<CommitTokens>;
  /** One Trino statement: the committed watermark, batch and daily build. */
  readonly readState: () => Promise<RtWatermark>;
  readonly probeMs: number;
  readonly trinoProbeMs: number;
  readonly resyncMs?: number;
  readonly now?: () => number;
  readonly log?: (message: string) => void;
}

export function rtVersionOf(rt: RtWatermark): string {
  if (rt.state === "loading") return `l${rt.seed?.daysDone ?? 0}-${rt.seed?.daysTotal ?? 0}`;
  return `b${rt.batchId ?? 0}`;
}

export const dailyVersionOf = (rt: RtWatermark): string => `d${rt.dailyVersion ?? 0}`;

/** How long without a successful probe before the watcher counts as unhealthy and callers fall back to cache periods. */
const UNHEALTHY_AFTER_FAILURES = 3;

export class LiveWatcher {
  private current: LiveState | undefined;
  private lastTokens: CommitTokens | undefined;
  /**
   * Whether the data tables moved after the last read that found new versions: their commit is still
   * to be seen, so the next checkpoint move (the batch's 'committed' row, a daily build's checkpoint)
   * is read at once. Only a read that finds a new version clears it. A read in between (a resync, a
   * recheck after a Trino failure, one for another job's checkpoint between a batch's Gold write
   * and its 'committed' row) does not: taking that for the commit held the batch back 20 s (seen
   * for 3 of 6 commits, stop 29's bench:live).
   */
  private unseen = { data: false, reads: 0, lastReadAt: 0 };
  private failures = 0;
  private error: string | undefined;
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  private reading: Promise<LiveState> | undefined;
  private readonly listeners = new Set<LiveListener>();
  private readonly now: () => number;

  constructor(private readonly deps: WatcherDeps) {
    this.now = deps.now ?? Date.now;
  }

  get state(): LiveState | undefined {
    return this.current;
  }

  /** True while probes succeed: data versions can be trusted to move when data changes. */
  get healthy(): boolean {
    return this.current !== undefined && this.failures < UNHEALTHY_AFTER_FAILURES;
  }

  /** What the watcher reports about itself (the health route shows it). */
  get status(): { readonly source: "catalog" | "trino"; readonly healthy: boolean; readonly error?: string; readonly state?: LiveState } {
    return {
      source: this.deps.probe ? "catalog" : "trino",
      healthy: this.healthy,
      ...(this.error !== undefined ? { error: this.error } : {}),
      ...(this.current ? { state: this.current } : {}),
    };
  }

  onChange(listener: LiveListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.schedule(0);
  }

  stop(): void {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
  }

  /** One probe step (exported for tests and for a first state before serving). */
  async tick(): Promise<void> {
    const known = { tokens: this.lastTokens, unseen: { ...this.unseen } };
    try {
      if (await this.dueForRead()) await this.read();
      this.failures = 0;
      this.error = undefined;
    } catch (err) {
      // The read of a moved token failed: forget the new tokens, so the next probe sees them moved
      // again and re-reads, instead of taking the commit as read until the next resync.
      this.lastTokens = known.tokens;
      this.unseen = known.unseen;
      this.failures += 1;
      this.error = (err as Error).message;
      if (this.failures === UNHEALTHY_AFTER_FAILURES) this.deps.log?.(`[live] watcher failing: ${(err as Error).message}`);
    }
  }

  /** Reads the state now, whatever the probe says (e.g. to learn that Trino answers again). */
  readNow(): Promise<LiveState> {
    return this.read();
  }

  /** The current state, reading it now if there is none yet. */
  async ensureState(): Promise<LiveState> {
    return this.current ?? this.read();
  }

  private async dueForRead(): Promise<boolean> {
    const cur = this.current;
    if (!cur) return true;
    const age = this.now() - cur.readAt;
    if (age >= (this.deps.resyncMs ?? 300_000)) return true;
    if (!this.deps.probe || cur.rt.state === "loading") {
      if (age >= this.deps.trinoProbeMs) return true;
      if (!this.deps.probe) return false;
    }
    const tokens = await this.deps.probe();
    const last = this.lastTokens;
    this.lastTokens = tokens;
    if (!last) return false;
    // Each data move earns its own quick reads: a move that brings no new version (the RT log's
    // compaction, every 10 minutes) would otherwise spend them on other jobs' checkpoints and hold the
    // next batch's 'committed' back by up to PENDING_MS (seen on the demo: 15 s).
    if (tokens.data !== last.data) this.unseen = { ...this.unseen, data: true, reads: 0 };
    if (tokens.checkpoints === last.checkpoints || !this.unseen.data) return false;
    const now = this.now();
    if (this.unseen.reads >= QUICK_READS && now - this.unseen.lastReadAt < PENDING_MS) return false;
    this.unseen.reads += 1;
    this.unseen.lastReadAt = now;
    return true;
  }

  /** Reads the state once, shared by concurrent callers, and tells listeners what moved. */
  private read(): Promise<LiveState> {
    this.reading ??= (async () => {
      try {
        // The tokens first: a commit landing during the read is seen by the next probe.
        if (this.deps.probe && this.lastTokens === undefined) this.lastTokens = await this.deps.probe();
        const rt = await this.deps.readState();
        const next: LiveState = { rt, rtVersion: rtVersionOf(rt), dailyVersion: dailyVersionOf(rt), readAt: this.now() };
        const prev = this.current;
        this.current = next;
        const change: LiveChange = { rt: prev?.rtVersion !== next.rtVersion, daily: prev?.dailyVersion !== next.dailyVersion };
        if (change.rt || change.daily) {
          this.unseen = { data: false, reads: 0, lastReadAt: 0 };
          for (const l of this.listeners) l(next, change);
        }
        return next;
      } finally {
        this.reading = undefined;
      }
    })();
    return this.reading;
  }

  private schedule(delayMs: number): void {
    if (!this.running) return;
    this.timer = setTimeout(async () => {
      await this.tick();
      this.schedule(this.deps.probe ? this.deps.probeMs : Math.min(this.deps.probeMs, this.deps.trinoProbeMs));
    }, delayMs);
    this.timer.unref?.();
  }
}
