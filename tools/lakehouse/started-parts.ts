/**
 * What `npm start` has brought up so far, so that Ctrl-C, SIGTERM or a failed start stops exactly
 * that, in the one safe order, at any point of the start-up (before, a Ctrl-C during a seed
 * killed the process and left PostgreSQL, Kafka and Trino running without an owner):
 * - the supervisor first, so nothing is restarted while it is being stopped;
 * - then the live jobs, which write through Trino, and the dashboard, which reads through it;
 * - the servers last. A lakehouse still starting is waited for first: stopping it halfway would
 *   race its start, which could then bring up a server after the stop had passed it.
 * A part that fails to stop is reported and the rest are still stopped.
 */
export interface Stoppable {
  stop(): Promise<void>;
}

export class StartedParts {
  supervisor?: Stoppable;
  pipeline?: Stoppable;
  dashboard?: Stoppable;
  private lakehouse?: { readonly starting: Promise<unknown>; readonly stop: () => Promise<void>; settled: boolean };
  private stopping?: Promise<void>;

  constructor(private readonly log: (line: string) => void) {}

  /** Records the lakehouse's start (its promise) and how to stop it; returns the start for the caller to await. */
  lakehouseStarting<T>(starting: Promise<T>, stop: () => Promise<void>): Promise<T> {
    const lakehouse = { starting, stop, settled: false };
    const settle = () => {
      lakehouse.settled = true;
    };
    starting.then(settle, settle);
    this.lakehouse = lakehouse;
    return starting;
  }

  /** True once stop() was called: a start-up step failing after that is the stop's doing, not an error to report. */
  get isStopping(): boolean {
    return this.stopping !== undefined;
  }

  /** Stops every part started so far, once; later calls wait for the same stop. */
  stop(): Promise<void> {
    this.stopping ??= this.stopAll();
    return this.stopping;
  }

  private async stopAll(): Promise<void> {
    const ordered: [string, Stoppable | undefined][] = [
      ["supervisor", this.supervisor],
      ["live jobs", this.pipeline],
      ["dashboard", this.dashboard],
    ];
    for (const [name, part] of ordered) if (part) await this.attempt(name, () => part.stop());
    const lakehouse = this.lakehouse;
    if (!lakehouse) return;
    if (!lakehouse.settled) this.log("waiting for the lakehouse to finish starting, then stopping it");
    await lakehouse.starting.catch(() => undefined);
    await this.attempt("lakehouse", lakehouse.stop);
  }

  private async attempt(name: string, stop: () => Promise<void>): Promise<void> {
    try {
      await stop();
    } catch (err) {
      this.log(`stopping the ${name} failed: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
}
