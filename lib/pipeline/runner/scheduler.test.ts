/**
 * The scheduler on a mocked clock (node:test's mock timers drive both setTimeout and Date), with
 * tasks whose runs end only when the test says so: exact run times, never two runs of one task at
 * once, and stop() resolving only after the run in flight has ended.
 */
import assert from "node:assert/strict";
import { afterEach, beforeEach, mock, test } from "node:test";
import { Scheduler, type Task } from "./scheduler";

/** Lets every pending promise callback run (setImmediate is not mocked, so it comes after them all). */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A task whose every run waits for finish(); records when each run started and the most ever running at once. */
function controlledTask(name: string, everyMs: number, offsetMs: number) {
  const starts: number[] = [];
  const pending: (() => void)[] = [];
  let running = 0;
  let maxRunning = 0;
  const task: Task = {
    name,
    everyMs,
    offsetMs,
    run: () => {
      starts.push(Date.now());
      running += 1;
      maxRunning = Math.max(maxRunning, running);
      return new Promise<void>((resolve) =>
        pending.push(() => {
          running -= 1;
          resolve();
        }),
      );
    },
  };
  return { task, starts, finish: () => pending.shift()!(), maxRunning: () => maxRunning, inFlight: () => pending.length };
}

beforeEach(() => mock.timers.enable({ apis: ["setTimeout", "Date"], now: 0 }));
afterEach(() => mock.timers.reset());

test("runs start on the wall-clock grid (every minute at :25 s)", async () => {
  const s = new Scheduler(() => undefined);
  const t = controlledTask("rt", 60_000, 25_000);
  s.add(t.task);
  mock.timers.tick(25_000);
  assert.deepEqual(t.starts, [25_000]);
  t.finish();
  await settle();
  mock.timers.tick(60_000);
  assert.deepEqual(t.starts, [25_000, 85_000]);
  t.finish();
  await s.stop();
});

test("a run that outlasts its interval is never overlapped: the next run starts at the first tick after it ends", async () => {
  const s = new Scheduler(() => undefined);
  const t = controlledTask("slow", 1_000, 0);
  s.add(t.task);
  mock.timers.tick(1_000);
  assert.deepEqual(t.starts, [1_000]);
  // Five ticks pass while the first run is still going: nothing else starts.
  mock.timers.tick(5_000);
  await settle();
  assert.deepEqual(t.starts, [1_000]);
  t.finish();
  await settle();
  mock.timers.tick(1_000);
  assert.deepEqual(t.starts, [1_000, 7_000]);
  assert.equal(t.maxRunning(), 1);
  t.finish();
  await s.stop();
});

test("stop() resolves only after the run in flight has finished, and nothing runs after it", async () => {
  const s = new Scheduler(() => undefined);
  const busy = controlledTask("busy", 1_000, 0);
  const idle = controlledTask("idle", 10_000, 0);
  s.add(busy.task);
  s.add(idle.task);
  mock.timers.tick(1_000);
  assert.equal(busy.inFlight(), 1);
  let stopped = false;
  const stopping = s.stop().then(() => {
    stopped = true;
  });
  await settle();
  assert.equal(stopped, false, "stop() must wait for the run in flight");
  busy.finish();
  await stopping;
  assert.equal(stopped, true);
  mock.timers.tick(60_000);
  await settle();
  assert.deepEqual(busy.starts, [1_000]);
  assert.deepEqual(idle.starts, [], "the idle task's pending tick was cancelled");
});

test("a failed run is logged and the task runs again at its next tick", async () => {
  const lines: string[] = [];
  const s = new Scheduler((m) => lines.push(m));
  const starts: number[] = [];
  s.add({
    name: "flaky",
    everyMs: 1_000,
    offsetMs: 0,
    run: async () => {
      starts.push(Date.now());
      if (starts.length === 1) throw new Error("Trino unreachable");
    },
  });
  mock.timers.tick(1_000);
  await settle();
  mock.timers.tick(1_000);
  await settle();
  assert.deepEqual(starts, [1_000, 2_000]);
  assert.deepEqual(lines, ["flaky: failed: Trino unreachable (retrying at its next tick)"]);
  await s.stop();
});

test("while paused, ticks are skipped; the pause and the resume are logged once each", async () => {
  const lines: string[] = [];
  let reason: string | undefined;
  const s = new Scheduler(
    (m) => lines.push(m),
    () => reason,
  );
  const t = controlledTask("ingest", 5_000, 0);
  s.add(t.task);
  mock.timers.tick(5_000);
  assert.deepEqual(t.starts, [5_000]);
  t.finish();
  await settle();
  reason = "Kafka down since 21:00:05"; // first seen by the tick at 10 s, gone by the one at 30 s
  for (let i = 0; i < 4; i++) {
    mock.timers.tick(5_000);
    await settle();
  }
  assert.deepEqual(t.starts, [5_000], "no run while paused");
  reason = undefined;
  mock.timers.tick(5_000);
  assert.deepEqual(t.starts, [5_000, 30_000]);
  assert.deepEqual(lines, ["jobs paused: Kafka down since 21:00:05", "jobs resumed after 20 s paused (Kafka down since 21:00:05)"]);
  t.finish();
  await s.stop();
});
