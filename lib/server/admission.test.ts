import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { deferred } from "../../tools/testing/deferred";
import { Admission, type AdmissionClock, type AdmissionOptions, AdmissionRejectedError, admissionOptions, answerWithin, type Priority } from "./admission";

/** Timers that fire only when the test advances time, in order of their due time. */
class FakeClock implements AdmissionClock {
  t = 0;
  private seq = 0;
  private readonly timers = new Map<number, { at: number; fn: () => void }>();
  readonly setTimeout = (fn: () => void, ms: number): unknown => {
    this.seq += 1;
    this.timers.set(this.seq, { at: this.t + ms, fn });
    return this.seq;
  };
  readonly clearTimeout = (handle: unknown): void => {
    this.timers.delete(handle as number);
  };
  get pending(): number {
    return this.timers.size;
  }
  advance(ms: number): void {
    const end = this.t + ms;
    for (;;) {
      const due = [...this.timers.entries()].filter(([, x]) => x.at <= end).sort((a, b) => a[1].at - b[1].at || a[0] - b[0])[0];
      if (!due) break;
      this.timers.delete(due[0]);
      this.t = due[1].at;
      due[1].fn();
    }
    this.t = end;
  }
}

/** Lets every settled promise's handlers run. */
const flush = () => new Promise<void>((resolve) => setImmediate(resolve));

interface Tracked {
  readonly name: string;
  state: "waiting" | "started" | "rejected";
  error?: AdmissionRejectedError;
}

function setup(overrides: Partial<AdmissionOptions> = {}) {
  const clock = new FakeClock();
  const admission = new Admission({
    maxRunning: 2,
    maxAdhocRunning: 1,
    queueDeadlineMs: { shared: 5_000, adhoc: 800, background: 60_000 },
    maxQueued: { shared: 20, adhoc: 4, background: 20 },
    retryAfterSeconds: 2,
    clock,
    ...overrides,
  });
  const started: string[] = [];
  const ask = (name: string, priority: Priority): Tracked => {
    const t: Tracked = { name, state: "waiting" };
    admission.acquire(priority).then(
      () => {
        t.state = "started";
        started.push(name);
      },
      (err: AdmissionRejectedError) => {
        t.state = "rejected";
        t.error = err;
      },
    );
    return t;
  };
  return { clock, admission, started, ask };
}

describe("admission", () => {
  it("runs K queries at once; the next starts when one ends", async () => {
    const { admission, started, ask } = setup();
    ask("s1", "shared");
    ask("s2", "shared");
    const s3 = ask("s3", "shared");
    await flush();
    assert.deepEqual(started, ["s1", "s2"]);
    assert.equal(s3.state, "waiting");
    assert.deepEqual(admission.stats, { running: { shared: 2, adhoc: 0, background: 0 }, queued: { shared: 1, adhoc: 0, background: 0 } });
    admission.release("shared");
    await flush();
    assert.deepEqual(started, ["s1", "s2", "s3"]);
    assert.deepEqual(admission.stats, { running: { shared: 2, adhoc: 0, background: 0 }, queued: { shared: 0, adhoc: 0, background: 0 } });
  });

  it("a free slot goes to the oldest shared waiter before any adhoc one, and adhoc holds at most its cap", async () => {
    // K = 2, adhoc cap 1. Both slots busy; then, in this order: a1, s1, a2, s2.
    const { admission, started, ask } = setup();
    ask("busy1", "shared");
    ask("busy2", "shared");
    const [a1, s1, a2, s2] = [ask("a1", "adhoc"), ask("s1", "shared"), ask("a2", "adhoc"), ask("s2", "shared")];
    await flush();
    assert.deepEqual([a1.state, s1.state, a2.state, s2.state], ["waiting", "waiting", "waiting", "waiting"]);
    admission.release("shared"); // busy1 ends: s1 (shared first, although a1 came earlier)
    await flush();
    admission.release("shared"); // busy2 ends: s2
    await flush();
    assert.deepEqual(started, ["busy1", "busy2", "s1", "s2"]);
    admission.release("shared"); // s1 ends: no shared waiter left, a1 (oldest adhoc)
    await flush();
    admission.release("shared"); // s2 ends: a2 may not start, a1 holds the one adhoc slot
    await flush();
    assert.deepEqual(started, ["busy1", "busy2", "s1", "s2", "a1"]);
    assert.deepEqual(admission.stats, { running: { shared: 0, adhoc: 1, background: 0 }, queued: { shared: 0, adhoc: 1, background: 0 } });
    ask("s3", "shared"); // the slot adhoc may not take is there for a shared view at once
    await flush();
    assert.deepEqual(started, ["busy1", "busy2", "s1", "s2", "a1", "s3"]);
    admission.release("adhoc"); // a1 ends: a2
    await flush();
    assert.deepEqual(started, ["busy1", "busy2", "s1", "s2", "a1", "s3", "a2"]);
  });

  it("adhoc cannot starve shared: with every adhoc slot taken, shared views still start at once", async () => {
    const { admission, started, ask } = setup({ maxRunning: 4, maxAdhocRunning: 2, maxQueued: { shared: 40, adhoc: 8, background: 40 } });
    for (let i = 1; i <= 5; i++) ask(`a${i}`, "adhoc");
    await flush();
    assert.deepEqual(started, ["a1", "a2"]);
    ask("s1", "shared");
    ask("s2", "shared");
    await flush();
    assert.deepEqual(started, ["a1", "a2", "s1", "s2"]);
    assert.deepEqual(admission.stats, { running: { shared: 2, adhoc: 2, background: 0 }, queued: { shared: 0, adhoc: 3, background: 0 } });
  });

  it("an adhoc waiter that cannot start within its deadline is refused exactly then; a shared one waits longer", async () => {
    const { clock, admission, ask } = setup();
    ask("busy1", "shared");
    ask("busy2", "shared");
    const a = ask("a", "adhoc");
    const s = ask("s", "shared");
    await flush();
    clock.advance(799);
    await flush();
    assert.equal(a.state, "waiting");
    clock.advance(1);
    await flush();
    assert.equal(a.state, "rejected");
    assert.ok(a.error instanceof AdmissionRejectedError);
    assert.equal(a.error.reason, "deadline");
    assert.equal(a.error.priority, "adhoc");
    assert.equal(a.error.retryAfterSeconds, 2);
    assert.equal(a.error.message, "the dashboard is busy (2 of 2 queries running, this custom range could not start within 800 ms); try again in 2 s");
    assert.equal(s.state, "waiting");
    clock.advance(2_200); // t = 3000: a slot frees, the shared waiter starts and its timer is cleared
    admission.release("shared");
    await flush();
    assert.equal(s.state, "started");
    assert.equal(clock.pending, 0);
    clock.advance(10_000);
    await flush();
    assert.equal(s.state, "started");
    assert.deepEqual(admission.rejected, { "queue-full": 0, deadline: 1 });
  });

  it("a shared waiter past its own deadline is refused too", async () => {
    const { clock, ask } = setup();
    ask("busy1", "shared");
    ask("busy2", "shared");
    const s = ask("s", "shared");
    clock.advance(4_999);
    await flush();
    assert.equal(s.state, "waiting");
    clock.advance(1);
    await flush();
    assert.equal(s.error?.message, "the dashboard is busy (2 of 2 queries running, this view could not start within 5000 ms); try again in 2 s");
  });

  it("a full queue refuses at once, before any time passes", async () => {
    const { clock, admission, ask } = setup();
    ask("busy1", "shared");
    ask("busy2", "shared");
    const queued = [1, 2, 3, 4].map((i) => ask(`a${i}`, "adhoc"));
    const over = ask("a5", "adhoc");
    await flush();
    assert.equal(clock.t, 0);
    assert.deepEqual(
      queued.map((q) => q.state),
      ["waiting", "waiting", "waiting", "waiting"],
    );
    assert.equal(over.state, "rejected");
    assert.equal(over.error?.reason, "queue-full");
    assert.equal(over.error?.message, "the dashboard is busy (2 of 2 queries running, 4 custom ranges already waiting); try again in 2 s");
    // The shared queue has its own bound: a burst of custom ranges does not fill it.
    const s = ask("s", "shared");
    await flush();
    assert.equal(s.state, "waiting");
    assert.deepEqual(admission.stats.queued, { shared: 1, adhoc: 4, background: 0 });
  });

  it("a burst of 300 distinct custom ranges: 2 run, 8 wait, 290 are refused at once and the 8 at their deadline", async () => {
    // The defaults wired in query-admission.ts for K = 4: adhoc cap K/2, adhoc queue 2K, deadline 800 ms.
    const { clock, admission, ask } = setup({ maxRunning: 4, maxAdhocRunning: 2, maxQueued: { shared: 40, adhoc: 8, background: 40 } });
    const burst = Array.from({ length: 300 }, (_, i) => ask(`a${i}`, "adhoc"));
    await flush();
    const count = (state: Tracked["state"]) => burst.filter((b) => b.state === state).length;
    assert.deepEqual([count("started"), count("waiting"), count("rejected")], [2, 8, 290]);
    assert.deepEqual(
      burst.slice(0, 10).map((b) => b.state),
      ["started", "started", "waiting", "waiting", "waiting", "waiting", "waiting", "waiting", "waiting", "waiting"],
    );
    const viewer = ask("viewer", "shared");
    await flush();
    assert.equal(viewer.state, "started");
    clock.advance(800);
    await flush();
    assert.deepEqual([count("started"), count("waiting"), count("rejected")], [2, 0, 298]);
    assert.deepEqual(admission.rejected, { "queue-full": 290, deadline: 8 });
  });

  it("run() holds the slot while the work runs and frees it when the work fails", async () => {
    const { admission } = setup({ maxRunning: 1, maxAdhocRunning: 1 });
    let finish!: () => void;
    const first = admission.run("shared", () => new Promise<string>((resolve) => (finish = () => resolve("one"))));
    const second = admission.run("shared", () => Promise.reject(new Error("Trino failed")));
    await flush();
    assert.deepEqual(admission.stats, { running: { shared: 1, adhoc: 0, background: 0 }, queued: { shared: 1, adhoc: 0, background: 0 } });
    finish();
    assert.equal(await first, "one");
    await assert.rejects(second, /Trino failed/);
    assert.deepEqual(admission.stats, { running: { shared: 0, adhoc: 0, background: 0 }, queued: { shared: 0, adhoc: 0, background: 0 } });
    assert.equal(await admission.run("adhoc", async () => 42), 42);
  });

  it("refuses options where adhoc could never run or could take more than every slot", () => {
    assert.throws(() => setup({ maxRunning: 2, maxAdhocRunning: 3 }), /1 <= maxAdhocRunning \(3\) <= maxRunning \(2\)/);
    assert.throws(() => setup({ maxRunning: 0, maxAdhocRunning: 0 }), RangeError);
    assert.throws(() => setup({ maxRunning: 2, maxBackgroundRunning: 3 }), /1 <= maxBackgroundRunning \(3\) <= maxRunning \(2\)/);
  });

  it("background work goes first but holds one slot at most, so a stuck poll or a burst of commits cannot starve shared views", async () => {
    // K = 4, background cap 1. Four background queries (a stuck watcher poll, alert reads) arrive first.
    const { admission, started, ask } = setup({ maxRunning: 4, maxAdhocRunning: 2, maxQueued: { shared: 40, adhoc: 8, background: 40 } });
    for (let i = 1; i <= 4; i++) ask(`b${i}`, "background");
    await flush();
    assert.deepEqual(started, ["b1"]);
    const [s1, s2, s3] = [ask("s1", "shared"), ask("s2", "shared"), ask("s3", "shared")];
    const s4 = ask("s4", "shared");
    await flush();
    // Three shared views start beside the one background query; the fourth waits for a slot.
    assert.deepEqual([s1.state, s2.state, s3.state, s4.state], ["started", "started", "started", "waiting"]);
    assert.deepEqual(admission.stats, { running: { shared: 3, adhoc: 0, background: 1 }, queued: { shared: 1, adhoc: 0, background: 3 } });
    admission.release("background"); // b1 ends: the next background query goes before the waiting view
    await flush();
    assert.deepEqual(started, ["b1", "s1", "s2", "s3", "b2"]);
    admission.release("shared"); // s1 ends: background is at its cap, so the view s4 starts
    await flush();
    assert.deepEqual(started, ["b1", "s1", "s2", "s3", "b2", "s4"]);
  });

  it("options from the settings: adhoc holds half the slots (at least one), waits in a queue of 2K; shared in one of 10K", () => {
    assert.deepEqual(admissionOptions({ maxRunning: 4, adhocDeadlineMs: 800, sharedDeadlineMs: 5_000 }), {
      maxRunning: 4,
      maxAdhocRunning: 2,
      maxBackgroundRunning: 1,
      queueDeadlineMs: { shared: 5_000, adhoc: 800, background: 60_000 },
      maxQueued: { shared: 40, adhoc: 8, background: 40 },
      retryAfterSeconds: 2,
    });
    const one = admissionOptions({ maxRunning: 1, adhocDeadlineMs: 0, sharedDeadlineMs: 0 });
    assert.deepEqual([one.maxAdhocRunning, one.maxQueued.adhoc, one.maxQueued.shared], [1, 2, 10]);
    assert.equal(admissionOptions({ maxRunning: 5, adhocDeadlineMs: 0, sharedDeadlineMs: 0 }).maxAdhocRunning, 2);
  });

  it("a rejection from another copy of this module (Next bundles one per server layer) is still an AdmissionRejectedError", () => {
    const fromAnotherCopy = Object.assign(new Error("the dashboard is busy"), {
      [Symbol.for("pulse.dashboard.admission-rejected")]: true,
      retryAfterSeconds: 2,
    });
    assert.ok(fromAnotherCopy instanceof AdmissionRejectedError);
    assert.ok(new AdmissionRejectedError("busy", "adhoc", "queue-full", 2) instanceof AdmissionRejectedError);
    assert.ok(new AdmissionRejectedError("busy", "adhoc", "queue-full", 2) instanceof Error);
    assert.equal(new Error("Trino failed") instanceof AdmissionRejectedError, false);
    assert.equal((null as unknown as object) instanceof AdmissionRejectedError, false);
  });
});

describe("answerWithin: a custom range's data, or a 503 to retry, within its deadline", () => {
  const settle = <T>(p: Promise<T>) => {
    const s: { value?: T; error?: unknown; done: boolean } = { done: false };
    p.then(
      (value) => Object.assign(s, { value, done: true }),
      (error: unknown) => Object.assign(s, { error, done: true }),
    );
    return s;
  };

  it("answers the data when it comes first, and leaves no timer behind", async () => {
    const clock = new FakeClock();
    const work = deferred<number>();
    const got = settle(answerWithin(work.promise, 900, clock));
    clock.advance(899);
    await flush();
    assert.equal(got.done, false);
    work.resolve(42);
    await flush();
    assert.deepEqual(got, { value: 42, done: true });
    assert.equal(clock.pending, 0);
  });

  it("answers a 503 with Retry-After 2 at the deadline; the work's later failure is not unhandled", async () => {
    const clock = new FakeClock();
    const work = deferred<number>();
    const got = settle(answerWithin(work.promise, 900, clock));
    clock.advance(900);
    await flush();
    assert.ok(got.error instanceof AdmissionRejectedError);
    assert.equal(got.error.retryAfterSeconds, 2);
    assert.equal(got.error.reason, "deadline");
    assert.match(got.error.message, /still being computed; try again in 2 s/);
    work.reject(new Error("Trino failed after the answer"));
    await flush();
  });

  it("passes the work's own failure through before the deadline, and 0 means no deadline", async () => {
    const clock = new FakeClock();
    const work = deferred<number>();
    const got = settle(answerWithin(work.promise, 900, clock));
    work.reject(new Error("bad range"));
    await flush();
    assert.equal((got.error as Error).message, "bad range");
    const open = deferred<number>();
    assert.equal(answerWithin(open.promise, 0, clock), open.promise);
    assert.equal(clock.pending, 0);
  });
});
