import assert from "node:assert/strict";
import { test } from "node:test";
import { cpuTicks, listenerPids, netstatCounter, schedstat, startTicks, statusKb } from "./server-process";

const SS = [
  'LISTEN 0      511             127.0.0.1:3000  0.0.0.0:* users:(("next-server (v1",pid=13942,fd=18)) ',
  'LISTEN 0      144             127.0.0.1:15432 0.0.0.0:* users:(("postgres",pid=13360,fd=5))         ',
  "LISTEN 0      128               0.0.0.0:2024  0.0.0.0:*                                             ",
  'LISTEN 0      4096   [::ffff:127.0.0.1]:18080       *:* users:(("trino-server-co",pid=13440,fd=185))',
  'LISTEN 0      511                  [::]:30000     [::]:* users:(("node",pid=1,fd=3),("node",pid=2,fd=3))',
].join("\n");

test("listenerPids: the pid on exactly that port, not a port that merely ends with its digits", () => {
  assert.deepEqual(listenerPids(SS, 3000), [13942]);
  assert.deepEqual(listenerPids(SS, 18080), [13440]);
  assert.deepEqual(listenerPids(SS, 30000), [1, 2]); // a socket shared by two processes
  assert.deepEqual(listenerPids(SS, 2024), []); // another user's socket: no pid shown
  assert.deepEqual(listenerPids(SS, 80), []);
});

test("statusKb reads VmRSS and VmHWM in kB", () => {
  const status = "Name:\tnext-server (v1\nVmPeak:\t13120472 kB\nVmHWM:\t  147424 kB\nVmRSS:\t  142444 kB\nThreads:\t13\n";
  assert.equal(statusKb(status, "VmRSS"), 142_444);
  assert.equal(statusKb(status, "VmHWM"), 147_424);
  assert.equal(statusKb("Name:\tkthreadd\n", "VmRSS"), undefined);
});

test("cpuTicks adds utime and stime, counting fields after a command name with spaces and parentheses", () => {
  const stat = "13942 (next-server (v1) S 13317 13232 5701 0 -1 4194304 39726 0 0 0 225 24 0 0 20 0 13 0 2278651 13435179008 35008";
  assert.equal(cpuTicks(stat), 249); // utime 225 + stime 24
  assert.equal(startTicks(stat), 2_278_651); // field 22
  // A cut-off line is an error, not NaN.
  assert.throws(() => cpuTicks("4242 (java) S"), /unreadable/);
});

test("schedstat: ns on a CPU and ns waiting in the run queue, as ms", () => {
  assert.deepEqual(schedstat("124976544226 768696296525 253430\n"), { runMs: 124_976.544226, waitMs: 768_696.296525 });
});

test("netstatCounter finds a counter by its header, in the right prefix's line pair", () => {
  const netstat = ["TcpExt: SyncookiesSent ListenOverflows ListenDrops", "TcpExt: 3476 177682 177690", "IpExt: InNoRoutes ListenOverflows", "IpExt: 0 5"].join(
    "\n",
  );
  assert.equal(netstatCounter(netstat, "TcpExt", "ListenOverflows"), 177_682);
  assert.equal(netstatCounter(netstat, "TcpExt", "ListenDrops"), 177_690);
  assert.equal(netstatCounter(netstat, "IpExt", "ListenOverflows"), 5);
  assert.equal(netstatCounter(netstat, "TcpExt", "Nope"), undefined);
});
