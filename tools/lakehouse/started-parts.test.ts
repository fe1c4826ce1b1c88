import assert from "node:assert/strict";
import { test } from "node:test";
import { deferred } from "../testing/deferred";
import { StartedParts } from "./started-parts";

function recorder() {
  const calls: string[] = [];
  const part = (name: string, fail = false) => ({
    stop: async () => {
      calls.push(name);
      if (fail) throw new Error(`${name} would not stop`);
    },
  });
  return { calls, part };
}

test("every started part stops once, supervisor first and the servers last, whatever order they started in", async () => {
  const { calls, part } = recorder();
  const parts = new StartedParts(() => undefined);
  await parts.lakehouseStarting(Promise.resolve(), part("lakehouse").stop);
  parts.supervisor = part("supervisor");
  parts.dashboard = part("dashboard");
  parts.pipeline = part("pipeline");
  assert.equal(parts.isStopping, false);
  await Promise.all([parts.stop(), parts.stop()]);
  assert.equal(parts.isStopping, true);
  assert.deepEqual(calls, ["supervisor", "pipeline", "dashboard", "lakehouse"]);
});

test("a stop during start-up stops only what started, and waits for a lakehouse still starting", async () => {
  const { calls, part } = recorder();
  const lines: string[] = [];
  const parts = new StartedParts((l) => lines.push(l));
  const starting = deferred<void>();
  void parts.lakehouseStarting(starting.promise, part("lakehouse").stop);
  const stopped = parts.stop();
  await new Promise((r) => setImmediate(r));
  assert.deepEqual(calls, [], "the lakehouse is not stopped while its start runs");
  assert.deepEqual(lines, ["waiting for the lakehouse to finish starting, then stopping it"]);
  starting.reject(new Error("Trino did not start"));
  await stopped;
  assert.deepEqual(calls, ["lakehouse"]);
});

test("a part that fails to stop is reported and the others still stop", async () => {
  const { calls, part } = recorder();
  const lines: string[] = [];
  const parts = new StartedParts((l) => lines.push(l));
  await parts.lakehouseStarting(Promise.resolve(), part("lakehouse").stop);
  parts.dashboard = part("dashboard", true);
  await parts.stop();
  assert.deepEqual(calls, ["dashboard", "lakehouse"]);
  assert.deepEqual(lines, ["stopping the dashboard failed: dashboard would not stop"]);
});
