/**
 * Keeps an instance's servers running while the main command runs: every second it checks each
 * supervised server (PostgreSQL, S3Proxy on the s3 profile, Kafka, Trino with its workers) by its pid
 * file, and restarts one that died, in dependency order (a server waits while one it needs is down).
 *
 * - A restart is tried at once, then after 2, 4, 8 ... s (at most 60 s) while it keeps failing.
 * - More than MAX_RESTARTS_IN_WINDOW restarts within RESTART_WINDOW_MS is a crash loop: the
 *   supervisor stops restarting that server and reports it, with its log, instead of spinning. A
 *   crash-looping server that someone brings back by hand is supervised again.
 * - Its state (which server is down, since when, how many restarts) is written to a status file the
 *   dashboard reads (lib/ops/supervision.ts), and the live pipeline pauses its jobs while any
 *   server is not up (`pausedBy`).
 *
 * The clock and the servers are injected, so the state machine is unit-tested without processes.
 */
import type { ServerState, SupervisionStatus } from "../../lib/supervision/status";

export interface SupervisedServer {
  /** Stable id: postgres | s3proxy | kafka | trino. */
  readonly name: string;
  /** For people: "PostgreSQL", "Trino (coordinator and 2 workers)". */
  readonly label: string;
  /** Names of the servers it needs up before it can start. */
  readonly needs: readonly string[];
  /** Cheap: its pid files' processes are alive. */
  alive(): boolean;
  /** Starts it (the same start the lakehouse command runs); throws when it cannot. */
  restart(): Promise<void>;
  /** Where to look when it will not stay up. */
  readonly logFile: string;
  /** False for a server the live jobs do not use (the dashboard): its outage does not pause them. */
  readonly jobsNeedIt?: boolean;
}

export const CHECK_EVERY_MS = 1_000;
export const RESTART_WINDOW_MS = 10 * 60_000;
export const MAX_RESTARTS_IN_WINDOW = 5;
const MAX_BACKOFF_MS = 60_000;

/** Wait before restart attempt k (0-based) after failures: 0, 2, 4, 8 ... 60 s. */
export const backoffMs = (failedAttempts: number) => (failedAttempts === 0 ? 0 : Math.min(MAX_BACKOFF_MS, 1_000 * 2 ** failedAttempts));

interface Tracked {
  state: ServerState;
  downSince: number | null;
  restarts: number;
  /** When each restart of the current window began. */
  recent: number[];
  failedAttempts: number;
  nextAttemptAt: number;
  lastError: string | null;
  lastRecoveryMs: number | null;
}

export class Supervisor {
  private readonly tracked = new Map<string, Tracked>();
  private timer: NodeJS.Timeout | undefined;
  private ticking: Promise<void> | undefined;
  private stopped = false;

  private readonly servers: SupervisedServer[];

  constructor(
    servers: readonly SupervisedServer[],
    private readonly log: (line: string) => void,
    private readonly onStatus: (status: SupervisionStatus) => void = () => undefined,
    private readonly now: () => number = Date.now,
  ) {
    this.servers = [];
    for (const s of servers) this.add(s);
  }

  /** Supervises one more server from now on (the dashboard, once its first start has succeeded). */
  add(server: SupervisedServer): void {
    this.servers.push(server);
    this.tracked.set(server.name, {
      state: "up",
      downSince: null,
      restarts: 0,
      recent: [],
      failedAttempts: 0,
      nextAttemptAt: 0,
      lastError: null,
      lastRecoveryMs: null,
    });
  }

  start(): void {
    this.publish();
    this.timer = setInterval(() => {
      if (!this.ticking) this.ticking = this.tick().finally(() => (this.ticking = undefined));
    }, CHECK_EVERY_MS);
  }

  /** Stops checking; a restart already under way is waited for, so shutdown never races it. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.ticking;
    await this.settle();
  }

  /** Why jobs must wait now ("Trino down since 21:03:05"), or undefined when every server they need is up. */
  pausedBy(): string | undefined {
    for (const s of this.servers) {
      const t = this.tracked.get(s.name)!;
      if (t.state !== "up" && s.jobsNeedIt !== false) return `${s.label} ${t.state === "crash-loop" ? "in a crash loop" : "down"} since ${clock(t.downSince)}`;
    }
    return undefined;
  }

  status(): SupervisionStatus {
    return {
      updatedAt: this.now(),
      supervisorPid: process.pid,
      servers: this.servers.map((s) => {
        const t = this.tracked.get(s.name)!;
        return {
          name: s.name,
          label: s.label,
          state: t.state,
          downSince: t.downSince,
          restarts: t.restarts,
          lastError: t.lastError,
          lastRecoveryMs: t.lastRecoveryMs,
          logFile: s.logFile,
        };
      }),
    };
  }

  /**
   * One pass over the servers, in order; exported for tests, which drive the clock themselves. A
   * restart runs in the background (Trino's takes 20 s or more), so one slow server never delays
   * noticing, or restarting, another; `settle()` waits for the restarts under way.
   */
  async tick(): Promise<void> {
    let changed = false;
    for (const s of this.servers) {
      if (this.stopped) return;
      const t = this.tracked.get(s.name)!;
      if (this.restarting.has(s.name)) continue;
      const now = this.now();
      if (s.alive()) {
        if (t.state !== "up") {
          t.lastRecoveryMs = t.downSince === null ? null : now - t.downSince;
          this.log(`supervisor: ${s.label} is up again after ${((t.lastRecoveryMs ?? 0) / 1000).toFixed(1)} s (restarts so far: ${t.restarts})`);
          Object.assign(t, { state: "up", downSince: null, failedAttempts: 0, nextAttemptAt: 0, lastError: null });
          changed = true;
        }
        continue;
      }
      if (t.state === "up") {
        Object.assign(t, { state: "down", downSince: now, failedAttempts: 0, nextAttemptAt: now });
        this.log(`supervisor: ${s.label} is down (its process is gone); restarting it`);
        changed = true;
      }
      if (t.state === "crash-loop" || now < t.nextAttemptAt) continue;
      if (s.needs.some((n) => this.tracked.get(n)?.state !== "up")) continue;
      t.recent = t.recent.filter((at) => now - at < RESTART_WINDOW_MS);
      if (t.recent.length >= MAX_RESTARTS_IN_WINDOW) {
        t.state = "crash-loop";
        this.log(
          `supervisor: ${s.label} died ${t.recent.length} times within ${RESTART_WINDOW_MS / 60_000} min: not restarting it again (a crash loop); see ${s.logFile}, then start it with 'npm run lakehouse -- up'`,
        );
        changed = true;
        continue;
      }
      t.state = "restarting";
      t.recent.push(now);
      t.restarts += 1;
      changed = true;
      this.restarting.set(
        s.name,
        this.restart(s, t).finally(() => this.restarting.delete(s.name)),
      );
    }
    if (changed || this.now() - this.lastPublished >= 5_000) this.publish();
  }

  /** Waits for the restarts under way (tests; stop()). */
  async settle(): Promise<void> {
    await Promise.all(this.restarting.values());
  }

  private async restart(s: SupervisedServer, t: Tracked): Promise<void> {
    try {
      await s.restart();
      // Up is declared by the next check of its process, not here; should it die again at once,
      // the next try waits the first backoff step.
      t.state = "down";
      t.nextAttemptAt = this.now() + backoffMs(1);
    } catch (err) {
      t.failedAttempts += 1;
      t.lastError = err instanceof Error ? err.message : String(err);
      t.state = "down";
      t.nextAttemptAt = this.now() + backoffMs(t.failedAttempts);
      this.log(`supervisor: restarting ${s.label} failed (${t.lastError}); next try in ${backoffMs(t.failedAttempts) / 1000} s`);
    }
    this.publish();
  }

  private readonly restarting = new Map<string, Promise<void>>();
  private lastPublished = 0;

  private publish(): void {
    this.lastPublished = this.now();
    this.onStatus(this.status());
  }
}

const clock = (ms: number | null) => (ms === null ? "?" : new Date(ms).toISOString().slice(11, 19));
