/**
 * Admission control of the dashboard's Trino queries: at most `maxRunning` (K) run at once, the rest
 * wait in a priority queue, and a request that cannot start in time is refused at once instead of
 * piling up in Trino until every viewer's request times out.
 *
 * - Three priorities. `shared`: views many people watch (the Pulse page's presets, trending, KPIs,
 *   video pages, the daily marts); one answer serves all their viewers. `adhoc`: one person's custom
 *   range. `background`: the server's own work with no request waiting on it (the live watcher's
 *   poll, alert evaluation; see work-lane.ts).
 * - A free slot goes first to a background waiter while fewer than `maxBackgroundRunning` (1 by
 *   default) run: the watcher's poll is what tells every viewer the data changed, so it must not
 *   queue behind them, yet background work can never hold more than its cap. Then to the oldest
 *   shared waiter, then to the oldest adhoc one while fewer than `maxAdhocRunning` (< K) run, so a
 *   burst of custom ranges can neither jump ahead of nor fill every slot in front of a shared view.
 *   Neither background (a stuck poll, a burst of commits) nor adhoc can starve shared. Shared may
 *   keep adhoc waiting, which adhoc's short deadline turns into a quick 503 rather than a hang.
 * - Each waiter has a queue deadline by priority (the time to START, not to finish): when it passes,
 *   the waiter leaves the queue and its promise rejects with AdmissionRejectedError, which
 *   lib/server/api.ts answers 503 with Retry-After. A full queue refuses at once.
 * - The timers are injected, so orderings and deadlines are unit-tested exactly.
 * No `server-only` import here so the logic can be unit-tested; the wiring is lib/server/query-admission.ts.
 */

export type Priority = "shared" | "adhoc" | "background";

/** The timers deadlines run on: the real ones, or a test's hand-advanced clock. */
export interface AdmissionClock {
  readonly setTimeout: (fn: () => void, ms: number) => unknown;
  readonly clearTimeout: (handle: unknown) => void;
}

export interface AdmissionOptions {
  /** K: Trino queries running at once. */
  readonly maxRunning: number;
  /** Running adhoc queries at most, fewer than K so a shared view never waits behind adhoc ones only. */
  readonly maxAdhocRunning: number;
  /** Running background queries at most (default 1): the server's own work never holds more of the K slots. */
  readonly maxBackgroundRunning?: number;
  /** How long a waiter may wait to start, by priority. */
  readonly queueDeadlineMs: Readonly<Record<Priority, number>>;
  /** Waiters kept at most, by priority; one more is refused at once. */
  readonly maxQueued: Readonly<Record<Priority, number>>;
  /** What a refused caller is told to wait before it tries again (the Retry-After header). */
  readonly retryAfterSeconds: number;
  readonly clock?: AdmissionClock;
}

export type RejectionReason = "queue-full" | "deadline";

const REJECTED = Symbol.for("pulse.dashboard.admission-rejected");

/** The dashboard is at capacity for this request: answered 503 with Retry-After, never a 500. */
export class AdmissionRejectedError extends Error {
  override readonly name = "AdmissionRejectedError";
  readonly [REJECTED] = true;

  /**
   * `instanceof` by brand: Next bundles this module once per server layer (route handlers, server
   * components) while the gate is one object on globalThis, so a rejection may come from another
   * copy of this class; a plain prototype check would take it for an unexpected error.
   */
  static override [Symbol.hasInstance](value: unknown): value is AdmissionRejectedError {
    return typeof value === "object" && value !== null && (value as { [REJECTED]?: unknown })[REJECTED] === true;
  }
  constructor(
    message: string,
    readonly priority: Priority,
    readonly reason: RejectionReason,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
  }
}

interface Waiter {
  readonly priority: Priority;
  readonly resolve: () => void;
  readonly reject: (err: AdmissionRejectedError) => void;
  timer?: unknown;
}

const systemClock: AdmissionClock = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

const WHAT: Record<Priority, string> = { shared: "view", adhoc: "custom range", background: "background query" };

export class Admission {
  private readonly running: Record<Priority, number> = { shared: 0, adhoc: 0, background: 0 };
  private readonly queues: Record<Priority, Waiter[]> = { shared: [], adhoc: [], background: [] };
  private readonly maxBackgroundRunning: number;
  private readonly clock: AdmissionClock;
  /** Counters since start, for logs and tests. */
  readonly rejected: Record<RejectionReason, number> = { "queue-full": 0, deadline: 0 };

  constructor(private readonly opts: AdmissionOptions) {
    if (!(opts.maxRunning >= 1 && opts.maxAdhocRunning >= 1 && opts.maxAdhocRunning <= opts.maxRunning)) {
      throw new RangeError(`admission needs 1 <= maxAdhocRunning (${opts.maxAdhocRunning}) <= maxRunning (${opts.maxRunning})`);
    }
    this.maxBackgroundRunning = opts.maxBackgroundRunning ?? 1;
    if (!(this.maxBackgroundRunning >= 1 && this.maxBackgroundRunning <= opts.maxRunning)) {
      throw new RangeError(`admission needs 1 <= maxBackgroundRunning (${this.maxBackgroundRunning}) <= maxRunning (${opts.maxRunning})`);
    }
    this.clock = opts.clock ?? systemClock;
  }

  /** Runs `work` once admitted, holding its slot until it settles; rejects with AdmissionRejectedError when not admitted. */
  async run<T>(priority: Priority, work: () => Promise<T>): Promise<T> {
    await this.acquire(priority);
    try {
      return await work();
    } finally {
      this.release(priority);
    }
  }

  get stats(): { running: Readonly<Record<Priority, number>>; queued: Readonly<Record<Priority, number>> } {
    const { shared, adhoc, background } = this.queues;
    return { running: { ...this.running }, queued: { shared: shared.length, adhoc: adhoc.length, background: background.length } };
  }

  /** Resolves when the caller holds a slot (it must call release), or rejects when it cannot get one in time. */
  acquire(priority: Priority): Promise<void> {
    const queue = this.queues[priority];
    // After every dispatch a non-empty queue means its priority cannot start now, so a full queue refuses.
    if (queue.length >= this.opts.maxQueued[priority]) {
      return Promise.reject(this.reject(priority, "queue-full", `${queue.length} ${WHAT[priority]}s already waiting`));
    }
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = { priority, resolve, reject };
      queue.push(waiter);
      this.dispatch();
      if (!queue.includes(waiter)) return;
      const deadline = this.opts.queueDeadlineMs[priority];
      waiter.timer = this.clock.setTimeout(() => {
        const i = queue.indexOf(waiter);
        if (i < 0) return;
        queue.splice(i, 1);
        reject(this.reject(priority, "deadline", `this ${WHAT[priority]} could not start within ${deadline} ms`));
      }, deadline);
    });
  }

  release(priority: Priority): void {
    if (this.running[priority] <= 0) throw new Error(`admission: release(${priority}) without a running ${priority} query`);
    this.running[priority] -= 1;
    this.dispatch();
  }

  private total(): number {
    return this.running.shared + this.running.adhoc + this.running.background;
  }

  /** The queue the next free slot serves: background within its cap, then shared, then adhoc within its cap. */
  private nextQueue(): Waiter[] | undefined {
    const { queues, running } = this;
    if (queues.background.length > 0 && running.background < this.maxBackgroundRunning) return queues.background;
    if (queues.shared.length > 0) return queues.shared;
    if (queues.adhoc.length > 0 && running.adhoc < this.opts.maxAdhocRunning) return queues.adhoc;
    return undefined;
  }

  /** Hands free slots to waiters, oldest first within each queue, in nextQueue's order. */
  private dispatch(): void {
    while (this.total() < this.opts.maxRunning) {
      const waiter = this.nextQueue()?.shift();
      if (!waiter) return;
      if (waiter.timer !== undefined) this.clock.clearTimeout(waiter.timer);
      this.running[waiter.priority] += 1;
      waiter.resolve();
    }
  }

  private reject(priority: Priority, reason: RejectionReason, detail: string): AdmissionRejectedError {
    this.rejected[reason] += 1;
    const { maxRunning, retryAfterSeconds } = this.opts;
    return new AdmissionRejectedError(
      `the dashboard is busy (${this.total()} of ${maxRunning} queries running, ${detail}); try again in ${retryAfterSeconds} s`,
      priority,
      reason,
      retryAfterSeconds,
    );
  }
}

/** Seconds a refused caller is asked to wait (Retry-After): about one micro-batch poll, long enough for a slot to free. */
export const RETRY_AFTER_SECONDS = 2;

/** How long background work may wait for its slot. */
export const BACKGROUND_QUEUE_DEADLINE_MS = 60_000;

/**
 * The dashboard's options from its settings. Adhoc may hold half the slots (at least 1): the other
 * half stays for shared views whatever a burst of custom ranges does. Adhoc waiters are bounded by
 * 2 x K (about two rounds of queries, what can still start within a short deadline); shared ones by
 * 10 x K, a bound that single-flight caching (one query per distinct view) leaves for overload only.
 */
export function admissionOptions(s: { readonly maxRunning: number; readonly adhocDeadlineMs: number; readonly sharedDeadlineMs: number }): AdmissionOptions {
  return {
    maxRunning: s.maxRunning,
    maxAdhocRunning: Math.max(1, Math.floor(s.maxRunning / 2)),
    maxBackgroundRunning: 1,
    // Background work waits as long as a query may run: nobody is waiting on it, and a refusal
    // would only make the watcher count a failed poll.
    queueDeadlineMs: { shared: s.sharedDeadlineMs, adhoc: s.adhocDeadlineMs, background: BACKGROUND_QUEUE_DEADLINE_MS },
    maxQueued: { shared: 10 * s.maxRunning, adhoc: 2 * s.maxRunning, background: 10 * s.maxRunning },
    retryAfterSeconds: RETRY_AFTER_SECONDS,
  };
}

/** The dashboard's options from its settings by name: the admission gate's (query-admission.ts) and the HTTP server's custom-range gate (adhoc-gate.ts) alike. */
export function admissionOptionsFromSettings(env: {
  readonly PULSE_DASHBOARD_MAX_QUERIES: number;
  readonly PULSE_QUEUE_DEADLINE_MS: number;
  readonly PULSE_SHARED_QUEUE_DEADLINE_MS: number;
}): AdmissionOptions {
  return admissionOptions({
    maxRunning: env.PULSE_DASHBOARD_MAX_QUERIES,
    adhocDeadlineMs: env.PULSE_QUEUE_DEADLINE_MS,
    sharedDeadlineMs: env.PULSE_SHARED_QUEUE_DEADLINE_MS,
  });
}

/**
 * `work`, or a 503 with Retry-After once it has taken `ms` (0: no limit). The work goes on: its
 * result lands in the result cache, where the retry finds it. For one person's custom range, whose
 * answer must come within a second, as data or as "try again", never as a long wait.
 */
export function answerWithin<T>(work: Promise<T>, ms: number, clock: AdmissionClock = systemClock): Promise<T> {
  if (ms <= 0) return work;
  work.catch(() => undefined); // a failure after the deadline was already answered with the 503
  return new Promise<T>((resolve, reject) => {
    const timer = clock.setTimeout(() => {
      reject(
        new AdmissionRejectedError(
          `this custom range is still being computed; try again in ${RETRY_AFTER_SECONDS} s`,
          "adhoc",
          "deadline",
          RETRY_AFTER_SECONDS,
        ),
      );
    }, ms);
    work.then(
      (v) => {
        clock.clearTimeout(timer);
        resolve(v);
      },
      (err: unknown) => {
        clock.clearTimeout(timer);
        reject(err);
      },
    );
  });
}
