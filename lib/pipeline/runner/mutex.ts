/** A first-come first-served async lock whose waiters may give up after a while. */
export class Mutex {
  private held = false;
  private readonly waiters: Array<(release: () => void) => void> = [];

  /** Resolves to the release function, or to undefined when `waitMs` passed first (the lock is then not held). */
  acquire(): Promise<() => void>;
  acquire(waitMs: number): Promise<(() => void) | undefined>;
  acquire(waitMs?: number): Promise<(() => void) | undefined> {
    if (!this.held) {
      this.held = true;
      return Promise.resolve(this.releaser());
    }
    return new Promise((resolve) => {
      let timer: NodeJS.Timeout | undefined;
      const grant = (release: () => void) => {
        clearTimeout(timer);
        resolve(release);
      };
      this.waiters.push(grant);
      if (waitMs !== undefined)
        timer = setTimeout(() => {
          const i = this.waiters.indexOf(grant);
          if (i >= 0) this.waiters.splice(i, 1);
          resolve(undefined);
        }, waitMs);
    });
  }

  private releaser(): () => void {
    let done = false;
    return () => {
      if (done) return;
      done = true;
      const next = this.waiters.shift();
      // Handed straight to the next waiter, so nobody can slip in between.
      if (next) next(this.releaser());
      else this.held = false;
    };
  }
}
