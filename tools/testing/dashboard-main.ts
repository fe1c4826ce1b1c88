/**
 * A stand-in for `npm start`'s main process in the crash test (e2e/dashboard-process.spec.ts): it
 * starts the built dashboard exactly as `npm start` does (startDashboard with a pid file), prints
 * `ready <url> <pid>` and waits. Trino is not needed: the server answers /api/health with 503.
 *   node --import tsx tools/testing/dashboard-main.ts <port> <pid-file>
 */
import { type DashboardHandle, startDashboard } from "../dashboard/next-process";

const [portArg, pidFile] = process.argv.slice(2);
const port = Number(portArg);
if (!Number.isInteger(port) || !pidFile) {
  console.error("usage: dashboard-main.ts <port> <pid-file>");
  process.exit(2);
}

// As npm start does on Ctrl-C or SIGTERM: its dashboard goes with it. Listened for before anything
// starts: a handler added after the "ready" line loses the race with a test that signals at once
// (on a busy machine the reader of that line runs before this process adds its next listener, and
// Node's default action, exit, left the server orphaned; seen 5 times in 15 quick SIGTERMs).
let handle: DashboardHandle | undefined;
let terminated = false;
const stopAndExit = (d: DashboardHandle) => {
  // Said on stderr, which the crash test quotes when a server outlives this process.
  console.error(`SIGTERM: stopping the dashboard (pid ${d.pid}, ${d.alive() ? "alive" : "not alive"})`);
  void d.stop().finally(() => process.exit(0));
};
process.once("SIGTERM", () => {
  terminated = true;
  if (handle) stopAndExit(handle);
  // Otherwise the start below stops what it started as soon as it has it.
});

startDashboard({ port, pidFile, trino: { TRINO_URL: "https://127.0.0.1:9" }, log: (line) => console.error(line) }).then(
  (d) => {
    handle = d;
    if (terminated) return stopAndExit(d);
    console.log(`ready ${d.url} ${d.pid}`);
    setInterval(() => undefined, 60_000);
  },
  (err: unknown) => {
    console.error(`failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
