/**
 * Runs named tasks on wall-clock-aligned intervals (e.g. every minute at :25 s). A task never
 * overlaps itself; a failure is logged and the task runs again at its next tick. stop() waits for
 * the tasks in flight, so a shutdown never cuts a job between two of its statements. While `pausedBy`
 * names a reason (a server the jobs need is down and being restarted), ticks are skipped: the
 * pause and the resume are logged once each, instead of a failure per task per tick.
 */
export interface Task {
  readonly name: string;
  readonly everyMs: number;
  /** Offset within the interval, so that e.g. the micro-batch runs after Bronze writes settle. */
  readonly offsetMs: number;
  readonly run: () => Promise<void>;
}

export class Scheduler {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly inFlight = new Map<string, Promise<void>>();
  private stopped = false;
  private pause: { reason: string; since: number } | undefined;

  constructor(
    private readonly log: (m: string) => void,
    private readonly pausedBy: () => string | undefined = () => undefined,
  ) {}

  /** True when the jobs must wait now; logs the change of state once. */
  private paused(): boolean {
    const reason = this.pausedBy();
    if (reason && !this.pause) {
      this.pause = { reason, since: Date.now() };
      this.log(`jobs paused: ${reason}`);
    } else if (!reason && this.pause) {
      this.log(`jobs resumed after ${((Date.now() - this.pause.since) / 1000).toFixed(0)} s paused (${this.pause.reason})`);
      this.pause = undefined;
    }
    return reason !== undefined;
  }

  add(task: Task): void {
    const schedule = () => {
      if (this.stopped) return;
      const now = Date.now();
      const next = Math.floor((now - task.offsetMs) / task.everyMs) * task.everyMs + task.everyMs + task.offsetMs;
      this.timers.set(
        task.name,
        setTimeout(() => void fire(), Math.max(0, next - now)),
      );
    };
    const fire = async () => {
      if (this.stopped || this.inFlight.has(task.name) || this.paused()) return schedule();
      const p = task
        .run()
        .catch((err: unknown) => this.log(`${task.name}: failed: ${err instanceof Error ? err.message : String(err)} (retrying at its next tick)`));
      this.inFlight.set(task.name, p);
      await p;
      this.inFlight.delete(task.name);
      schedule();
    };
    schedule();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const t of this.timers.values()) clearTimeout(t);
    await Promise.all(this.inFlight.values());
  }
}
