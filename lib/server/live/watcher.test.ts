import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { deferred } from "../../../tools/testing/deferred";
import type { RtWatermark } from "../queries/rt-progress-row";
import { dailyVersionOf, type LiveChange, LiveWatcher, QUICK_READS, rtVersionOf } from "./watcher";

/** A committed real-time log at batch 7, last daily build at 2023-11-14T22:13:20Z. */
const COMPLETE: RtWatermark = {
  state: "complete",
  watermark: 1_700_000_040_000,
  firstCommit: 1_699_990_000_000,
  seed: null,
  batchId: 7,
  dailyVersion: 1_700_000_000_000,
};

const LOADING: RtWatermark = { state: "loading", watermark: null, firstCommit: null, seed: { daysDone: 3, daysTotal: 8 }, batchId: null, dailyVersion: null };

/**
 * A watcher on a hand-driven clock whose catalog token and Trino answer the test sets; it counts
 * probes and reads and records every listener call as [rtVersion, dailyVersion, change].
 */
function setup(opts: { probe?: boolean; trinoProbeMs?: number; resyncMs?: number; rt?: RtWatermark } = {}) {
  const clock = { t: 0 };
  const env = {
    token: "meta/00001.metadata.json" as string | null,
    /** The data tables' token; by default it moves with every checkpoint, as a micro-batch's Gold write does. */
    data: undefined as string | undefined,
    rt: opts.rt ?? COMPLETE,
    readError: undefined as Error | undefined,
    probeError: undefined as Error | undefined,
  };
  const counts = { probes: 0, reads: 0 };
  const logs: string[] = [];
  const watcher = new LiveWatcher({
    ...(opts.probe === false
      ? {}
      : {
          probe: async () => {
            counts.probes += 1;
            if (env.probeError) throw env.probeError;
            return { checkpoints: env.token, data: env.data ?? `data-${env.token}` };
          },
        }),
    readState: async () => {
      counts.reads += 1;
      if (env.readError) throw env.readError;
      return env.rt;
    },
    probeMs: 1000,
    trinoProbeMs: opts.trinoProbeMs ?? 5000,
    resyncMs: opts.resyncMs ?? 60_000,
    now: () => clock.t,
    log: (m) => logs.push(m),
  });
  const calls: [string, string, LiveChange][] = [];
  watcher.onChange((s, change) => calls.push([s.rtVersion, s.dailyVersion, change]));
  return { clock, env, counts, logs, watcher, calls };
}

describe("rtVersionOf / dailyVersionOf", () => {
  test("a committed log is versioned by its batch, a loading one by its seed's days", () => {
    assert.equal(rtVersionOf(COMPLETE), "b7");
    assert.equal(rtVersionOf({ ...COMPLETE, batchId: null }), "b0");
    assert.equal(rtVersionOf(LOADING), "l3-8");
    assert.equal(rtVersionOf({ ...LOADING, seed: null }), "l0-0");
  });

  test("the daily version is the last build's commit time, d0 before the first", () => {
    assert.equal(dailyVersionOf(COMPLETE), "d1700000000000");
    assert.equal(dailyVersionOf(LOADING), "d0");
  });
});

describe("LiveWatcher with a catalog probe", () => {
  test("the first tick takes the token, reads the state and tells listeners both versions moved", async () => {
    const { clock, counts, watcher, calls } = setup();
    assert.equal(watcher.state, undefined);
    assert.equal(watcher.healthy, false);
    clock.t = 1234;
    await watcher.tick();
    assert.deepEqual(counts, { probes: 1, reads: 1 });
    assert.deepEqual(watcher.state, { rt: COMPLETE, rtVersion: "b7", dailyVersion: "d1700000000000", readAt: 1234 });
    assert.deepEqual(calls, [["b7", "d1700000000000", { rt: true, daily: true }]]);
    assert.equal(watcher.healthy, true);
  });

  test("an unchanged token costs no Trino read", async () => {
    const { clock, counts, watcher, calls } = setup();
    await watcher.tick();
    for (const t of [1000, 2000, 59_999]) {
      clock.t = t;
      await watcher.tick();
    }
    assert.deepEqual(counts, { probes: 4, reads: 1 });
    assert.equal(calls.length, 1);
    assert.equal(watcher.state?.readAt, 0);
  });

  test("a moved token with the same versions (a 'started' checkpoint) reads but tells nobody", async () => {
    const { clock, env, counts, watcher, calls } = setup();
    await watcher.tick();
    clock.t = 1000;
    env.token = "meta/00002.metadata.json";
    await watcher.tick();
    assert.deepEqual(counts, { probes: 2, reads: 2 });
    assert.equal(calls.length, 1);
    assert.equal(watcher.state?.readAt, 1000);
    // The new token is now the known one: the next probe does not read again.
    clock.t = 2000;
    await watcher.tick();
    assert.deepEqual(counts, { probes: 3, reads: 2 });
  });

  test("a committed micro-batch moves only the real-time version", async () => {
    const { clock, env, watcher, calls } = setup();
    await watcher.tick();
    clock.t = 1000;
    env.token = "meta/00002.metadata.json";
    env.rt = { ...COMPLETE, batchId: 8, watermark: 1_700_000_100_000 };
    await watcher.tick();
    assert.deepEqual(calls[1], ["b8", "d1700000000000", { rt: true, daily: false }]);
    assert.equal(calls.length, 2);
  });

  test("a daily build moves only the daily version", async () => {
    const { clock, env, watcher, calls } = setup();
    await watcher.tick();
    clock.t = 1000;
    env.token = "meta/00002.metadata.json";
    env.rt = { ...COMPLETE, dailyVersion: 1_700_086_400_000 };
    await watcher.tick();
    assert.deepEqual(calls[1], ["b7", "d1700086400000", { rt: false, daily: true }]);
    assert.equal(calls.length, 2);
  });

  test("a token that appears (the checkpoint table was created) counts as moved", async () => {
    const { clock, env, counts, watcher } = setup();
    env.token = null;
    await watcher.tick();
    clock.t = 1000;
    env.token = "meta/00001.metadata.json";
    await watcher.tick();
    assert.deepEqual(counts, { probes: 2, reads: 2 });
  });

  test("while history loads, seed progress is re-read every trinoProbeMs even with an unchanged token", async () => {
    const { clock, env, counts, watcher, calls } = setup({ rt: LOADING, trinoProbeMs: 5000 });
    await watcher.tick();
    assert.deepEqual(calls, [["l3-8", "d0", { rt: true, daily: true }]]);
    clock.t = 4999;
    await watcher.tick();
    assert.deepEqual(counts, { probes: 2, reads: 1 });
    clock.t = 5000;
    env.rt = { ...LOADING, seed: { daysDone: 4, daysTotal: 8 } };
    await watcher.tick();
    // Due by age: read without asking the catalog first.
    assert.deepEqual(counts, { probes: 2, reads: 2 });
    assert.deepEqual(calls[1], ["l4-8", "d0", { rt: true, daily: false }]);
    // Once the log is committed, an unchanged token no longer costs a read at the Trino period.
    env.rt = COMPLETE;
    clock.t = 10_000;
    await watcher.tick();
    assert.deepEqual(counts, { probes: 2, reads: 3 });
    assert.deepEqual(calls[2], ["b7", "d1700000000000", { rt: true, daily: true }]);
    clock.t = 15_000;
    await watcher.tick();
    assert.deepEqual(counts, { probes: 3, reads: 3 });
  });

  test("the state is re-read every resyncMs whatever the probe says", async () => {
    const { clock, counts, watcher } = setup({ resyncMs: 60_000 });
    await watcher.tick();
    clock.t = 59_999;
    await watcher.tick();
    assert.deepEqual(counts, { probes: 2, reads: 1 });
    clock.t = 60_000;
    await watcher.tick();
    assert.deepEqual(counts, { probes: 2, reads: 2 });
    assert.equal(watcher.state?.readAt, 60_000);
    clock.t = 119_999;
    await watcher.tick();
    assert.deepEqual(counts, { probes: 3, reads: 2 });
  });

  test("a read that fails after the token moved is retried on the next tick, not forgotten", async () => {
    const { clock, env, counts, watcher, calls } = setup();
    await watcher.tick();
    clock.t = 1000;
    env.token = "meta/00002.metadata.json";
    env.rt = { ...COMPLETE, batchId: 8 };
    env.readError = new Error("Query exceeded maximum time limit");
    await watcher.tick();
    assert.deepEqual(counts, { probes: 2, reads: 2 });
    env.readError = undefined;
    clock.t = 2000; // same token as the failed tick
    await watcher.tick();
    assert.deepEqual(counts, { probes: 3, reads: 3 });
    assert.deepEqual(calls[1], ["b8", "d1700000000000", { rt: true, daily: false }]);
    assert.equal(watcher.state?.readAt, 2000);
  });

  test("healthy turns false after 3 failed ticks (logged once) and true again after a success", async () => {
    const { clock, env, watcher, logs } = setup();
    await watcher.tick();
    env.probeError = new Error("connection refused");
    for (const [i, t] of [1000, 2000].entries()) {
      clock.t = t;
      await watcher.tick();
      assert.equal(watcher.healthy, true, `after ${i + 1} failure(s)`);
    }
    clock.t = 3000;
    await watcher.tick();
    assert.equal(watcher.healthy, false);
    clock.t = 4000;
    await watcher.tick();
    assert.equal(watcher.healthy, false);
    assert.deepEqual(logs, ["[live] watcher failing: connection refused"]);
    env.probeError = undefined;
    clock.t = 5000;
    await watcher.tick();
    assert.equal(watcher.healthy, true);
  });

  test("failed Trino reads count as failed ticks too", async () => {
    const { clock, env, counts, watcher } = setup();
    await watcher.tick();
    env.token = "meta/00002.metadata.json";
    env.readError = new Error("Trino unavailable");
    for (const t of [1000, 2000, 3000]) {
      clock.t = t;
      await watcher.tick();
    }
    assert.deepEqual(counts, { probes: 4, reads: 4 });
    assert.equal(watcher.healthy, false);
    env.readError = undefined;
    clock.t = 4000;
    await watcher.tick();
    assert.deepEqual(counts, { probes: 5, reads: 5 });
    assert.equal(watcher.healthy, true);
  });

  test("concurrent ensureState and tick share one read; ensureState with a state reads nothing", async () => {
    const clock = { t: 0 };
    const gate = deferred<RtWatermark>();
    let reads = 0;
    let probes = 0;
    const watcher = new LiveWatcher({
      probe: async () => {
        probes += 1;
        return { checkpoints: "meta/00001.metadata.json", data: "gold/00001.metadata.json" };
      },
      readState: () => {
        reads += 1;
        return gate.promise;
      },
      probeMs: 1000,
      trinoProbeMs: 5000,
      now: () => clock.t,
    });
    let told = 0;
    watcher.onChange(() => {
      told += 1;
    });
    const ticked = watcher.tick();
    const a = watcher.ensureState();
    const b = watcher.ensureState();
    await new Promise((r) => setImmediate(r));
    assert.equal(reads, 1);
    clock.t = 42;
    gate.resolve(COMPLETE);
    const [sa, sb] = await Promise.all([a, b, ticked]);
    assert.equal(sa, sb);
    assert.equal(sa, watcher.state);
    assert.deepEqual(sa, { rt: COMPLETE, rtVersion: "b7", dailyVersion: "d1700000000000", readAt: 42 });
    assert.deepEqual({ reads, probes, told }, { reads: 1, probes: 1, told: 1 });
    assert.equal(await watcher.ensureState(), sa);
    assert.equal(reads, 1);
  });

  test("an unsubscribed listener is not told", async () => {
    const { clock, env, watcher, calls } = setup();
    let other = 0;
    const off = watcher.onChange(() => {
      other += 1;
    });
    await watcher.tick();
    off();
    clock.t = 1000;
    env.token = "meta/00002.metadata.json";
    env.rt = { ...COMPLETE, batchId: 8 };
    await watcher.tick();
    assert.equal(other, 1);
    assert.equal(calls.length, 2);
  });
});

describe("LiveWatcher without a catalog probe", () => {
  test("reads only every trinoProbeMs", async () => {
    const { clock, env, counts, watcher, calls } = setup({ probe: false, trinoProbeMs: 5000 });
    await watcher.tick();
    for (const t of [1000, 4999]) {
      clock.t = t;
      await watcher.tick();
    }
    assert.deepEqual(counts, { probes: 0, reads: 1 });
    assert.equal(watcher.healthy, true);
    env.rt = { ...COMPLETE, batchId: 9 };
    clock.t = 5000;
    await watcher.tick();
    assert.deepEqual(counts, { probes: 0, reads: 2 });
    assert.deepEqual(calls[1], ["b9", "d1700000000000", { rt: true, daily: false }]);
    clock.t = 9999;
    await watcher.tick();
    assert.deepEqual(counts, { probes: 0, reads: 2 });
  });

  test("a failed read is retried on every tick until it succeeds", async () => {
    const { clock, env, counts, watcher } = setup({ probe: false, trinoProbeMs: 5000 });
    await watcher.tick();
    env.readError = new Error("down");
    for (const t of [5000, 6000, 7000]) {
      clock.t = t;
      await watcher.tick();
    }
    assert.deepEqual(counts, { probes: 0, reads: 4 });
    assert.equal(watcher.healthy, false);
    env.readError = undefined;
    clock.t = 8000;
    await watcher.tick();
    assert.equal(watcher.healthy, true);
    assert.equal(watcher.state?.readAt, 8000);
  });
});

describe("a checkpoint that moved without the data tables", () => {
  test("costs no read (a 'started' row, the Kafka ingest's checkpoint every 5 s); the resync still reads", async () => {
    const { clock, env, counts, watcher, calls } = setup({ resyncMs: 300_000 });
    env.data = "gold/00010.metadata.json";
    await watcher.tick();
    assert.deepEqual(counts, { probes: 1, reads: 1 });
    for (let i = 1; i <= 12; i++) {
      env.token = `meta/0000${i + 1}.metadata.json`;
      clock.t = i * 5000;
      await watcher.tick();
    }
    assert.deepEqual(counts, { probes: 13, reads: 1 }, "a minute of checkpoint-only moves, no read");
    clock.t = 300_000;
    await watcher.tick();
    assert.equal(counts.reads, 2);
    assert.equal(calls.length, 1, "the same versions: no listener call");
  });

  /** A micro-batch up to its Gold write: 'started' (t 2000), then the Gold rows, seen by a probe (t 3000). */
  async function startedThenGold(w: ReturnType<typeof setup>) {
    w.env.data = "gold/00010.metadata.json";
    await w.watcher.tick();
    w.env.token = "meta/00002.metadata.json"; // started
    w.clock.t = 2000;
    await w.watcher.tick();
    w.env.data = "gold/00011.metadata.json"; // the Gold rows
    w.clock.t = 3000;
    await w.watcher.tick();
  }

  /** Its 'committed' row (t 4000), moving the batch to 8. */
  async function committed(w: ReturnType<typeof setup>) {
    w.env.token = "meta/00003.metadata.json";
    w.env.rt = { ...w.env.rt, batchId: 8 };
    w.clock.t = 4000;
    await w.watcher.tick();
  }

  test("the Gold write then 'committed': one read, at the checkpoint", async () => {
    const w = setup();
    await startedThenGold(w);
    assert.equal(w.counts.reads, 1);
    await committed(w);
    assert.equal(w.counts.reads, 2);
    assert.deepEqual(w.calls.at(-1), ["b8", "d1700000000000", { rt: true, daily: false }]);
  });

  test("a read between the Gold write and 'committed' (a resync, a recheck) does not hold the commit back", async () => {
    const w = setup();
    await startedThenGold(w);
    w.clock.t = 3500;
    await w.watcher.readNow(); // e.g. the recheck after a failed Trino call: still batch 7
    assert.equal(w.counts.reads, 2);
    await committed(w);
    assert.equal(w.counts.reads, 3, "read at the checkpoint, not PENDING_MS later");
    assert.deepEqual(w.calls.at(-1), ["b8", "d1700000000000", { rt: true, daily: false }]);
  });
  test("an ingest checkpoint between the Gold write and 'committed' is read, and the commit is still read at once", async () => {
    const w = setup();
    await startedThenGold(w);
    w.env.token = "meta/00002b.metadata.json"; // the Kafka ingest's checkpoint: still batch 7
    w.clock.t = 3500;
    await w.watcher.tick();
    assert.equal(w.counts.reads, 2);
    await committed(w);
    assert.equal(w.counts.reads, 3, "read at the checkpoint, not 20 s later");
    assert.deepEqual(w.calls.at(-1), ["b8", "d1700000000000", { rt: true, daily: false }]);
    // Seen: ingest checkpoints after it cost nothing again.
    w.env.token = "meta/00004.metadata.json";
    w.clock.t = 9000;
    await w.watcher.tick();
    assert.equal(w.counts.reads, 3);
  });

  test("a batch stuck after its Gold write: 3 quick reads, then one per PENDING_MS however often the ingest checkpoints", async () => {
    const w = setup();
    await startedThenGold(w);
    const reads: number[] = [];
    for (let t = 5000; t <= 65_000; t += 5000) {
      w.env.token = `meta/ingest-${t}.metadata.json`;
      w.clock.t = t;
      const before = w.counts.reads;
      await w.watcher.tick();
      if (w.counts.reads > before) reads.push(t);
    }
    assert.equal(QUICK_READS, 3);
    assert.deepEqual(reads, [5000, 10_000, 15_000, 35_000, 55_000]);
  });

  test("a data move with no new batch (compaction) spends its quick reads; the next batch's Gold write earns new ones", async () => {
    const w = setup();
    w.env.data = "gold/00010.metadata.json";
    await w.watcher.tick();
    w.env.data = "gold/00011-compaction.metadata.json";
    for (const t of [1000, 5000, 10_000, 15_000]) {
      w.env.token = `meta/ingest-${t}.metadata.json`;
      w.clock.t = t;
      await w.watcher.tick();
    }
    assert.equal(w.counts.reads, 4, "the first read, then 3 quick ones, all still batch 7");
    // 20 s later the next micro-batch: 'started', its Gold rows, then 'committed' 3 s after them.
    w.env.token = "meta/started.metadata.json";
    w.clock.t = 20_000;
    await w.watcher.tick();
    w.env.data = "gold/00012.metadata.json";
    w.clock.t = 21_000;
    await w.watcher.tick();
    const before = w.counts.reads;
    w.env.token = "meta/committed.metadata.json";
    w.env.rt = { ...w.env.rt, batchId: 8 };
    w.clock.t = 24_000;
    await w.watcher.tick();
    assert.equal(w.counts.reads, before + 1, "read at the checkpoint, not once PENDING_MS has passed since the compaction's reads");
    assert.deepEqual(w.calls.at(-1), ["b8", "d1700000000000", { rt: true, daily: false }]);
  });
});
