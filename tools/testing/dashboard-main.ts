/**
 * A stand-in for `npm start`'s main process in the crash test (e2e/dashboard-process.spec.ts): it
 * starts the built dashboard exactly as `npm start` does (startDashboard with a pid file), prints
 * `ready <url> <pid>` and waits. Trino is not needed: the server answers /api/health with 503.
 *   node --import tsx tools/testing/dashboard-main.ts <port> <pid-file>
 */
import { startDashboard } from "../dashboard/next-process";

const [portArg, pidFile] = process.argv.slice(2);
const port = Number(portArg);
if (!Number.isInteger(port) || !pidFile) {
  console.error("usage: dashboard-main.ts <port> <pid-file>");
  process.exit(2);
}

startDashboard({ port, pidFile, trino: { TRINO_URL: "https://127.0.0.1:9" }, log: (line) => console.error(line) }).then(
  (d) => {
    console.log(`ready ${d.url} ${d.pid}`);
    setInterval(() => undefined, 60_000);
    // As npm start does on Ctrl-C or SIGTERM: its dashboard goes with it.
    process.once("SIGTERM", () => void d.stop().finally(() => process.exit(0)));
  },
  (err: unknown) => {
    console.error(`failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
