import assert from "node:assert/strict";
import { test } from "node:test";
import { cpuBetween, parseProcStatCpuSeconds } from "./cpu-time";

test("utime + stime are read after the command name, even one with spaces and parentheses", () => {
  // Fields: pid (comm) state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime ...
  const stat = "4242 (java (x) y) S 1 4242 4242 0 -1 4194304 100 0 0 0 12345 678 0 0 20 0 90 0";
  assert.equal(parseProcStatCpuSeconds(stat), (12345 + 678) / 100);
});

test("an unreadable line is an error, not NaN", () => {
  assert.throws(() => parseProcStatCpuSeconds("4242 (java) S"), /unreadable/);
});

test("the CPU used between two samples, per process; a restarted process never counts negative", () => {
  assert.deepEqual(cpuBetween({ pulse: 1, trino: 10, kafka: 5 }, { pulse: 3.5, trino: 40, kafka: 2 }), { pulse: 2.5, trino: 30, kafka: 0 });
});
