/**
 * The dashboard's HTTP server: Next.js's own request handler (the one `next start` uses, with its
 * compression and routing) behind one fast path. A GET of a polling URL whose answer is stored at
 * the current data version is answered from the poll cache (lib/server/poll-cache.ts) without
 * entering Next: a 304, or bytes serialized and gzipped once per commit. A custom range beyond what
 * admission can hold is refused with a 503 there too (lib/server/adhoc-gate.ts). Everything else is Next's.
 *
 *   node --import tsx tools/dashboard/next-server.ts --port 3000 [--hostname 127.0.0.1]
 *
 * Started by next-process.ts (npm start, benchmarks) and by Playwright's webServer (e2e), from the
 * checkout's root, on the build in PULSE_NEXT_DIST_DIR (next.config.ts reads it).
 */
import http from "node:http";
import { parseArgs } from "node:util";
import next from "next";
import { parseConfig } from "../../lib/config/definitions";
import { AdhocGate, adhocCapacity } from "../../lib/server/adhoc-gate";
import { admissionOptionsFromSettings } from "../../lib/server/admission";
import { ARRIVED_AT_HEADER } from "../../lib/server/arrival";
import { answerFromPollCache } from "../../lib/server/poll-cache";

/**
 * How long the server keeps an idle kept-alive connection. Node's default, 5 s, equals the
 * shortest auto-refresh, so a polling browser's socket was closed between polls and every poll
 * opened a new connection: at 1,000 pollers that overflowed the listen queue (SYN retries of 1 s
 * and more). 65 s outlasts the refresh periods up to a minute (a 5-minute one reconnects each time,
 * which costs nothing at that rate) and the usual proxies' 60 s idle limit.
 */
const KEEP_ALIVE_MS = 65_000;
/** Pending connections the kernel may queue for accept (Node's default is 511); the OS caps it at somaxconn. */
const LISTEN_BACKLOG = 4096;

const { values } = parseArgs({ options: { port: { type: "string" }, hostname: { type: "string", default: "127.0.0.1" } } });
const port = Number(values.port);
if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`--port must be a TCP port (got ${values.port})`);
const hostname = values.hostname;

// next-process.ts stops a leftover server by pid only when its command line says "next".
process.title = "next-server (pulse)";

const app = next({ dev: false, dir: process.cwd(), hostname, port });
await app.prepare();
const handle = app.getRequestHandler();
// Read after prepare(), which loads .env as the routes see it; a bad setting stops the start here.
const adhocGate = new AdhocGate(adhocCapacity(admissionOptionsFromSettings(parseConfig("server", process.env))));

const server = http.createServer((req, res) => {
  if (answerFromPollCache(req, res)) return;
  // A custom range beyond what admission can hold is refused before Next spends its ~3 ms on it.
  if (adhocGate.refuse(req, res)) return;
  // Deadlines count from here, not from when Next gets to the request (lib/server/arrival.ts).
  req.headers[ARRIVED_AT_HEADER] = String(Date.now());
  handle(req, res).catch((err: unknown) => {
    console.error("dashboard: request failed outside Next's error handling:", err);
    if (!res.headersSent) res.writeHead(500, { "Content-Type": "text/plain; charset=utf-8" });
    res.end("Internal error");
  });
});
server.keepAliveTimeout = KEEP_ALIVE_MS;
// A request's headers must be allowed to arrive on a socket kept that long (Node's rule: above keepAliveTimeout).
server.headersTimeout = KEEP_ALIVE_MS + 1_000;

function shutdown(signal: string): void {
  console.log(`dashboard: ${signal}, closing`);
  server.close();
  // Live streams never end by themselves: close them, and idle kept-alive sockets, now.
  server.closeAllConnections();
  app
    .close()
    .catch(() => undefined)
    .finally(() => process.exit(0));
}
process.once("SIGTERM", () => shutdown("SIGTERM"));
process.once("SIGINT", () => shutdown("SIGINT"));

server.listen({ port, host: hostname, backlog: LISTEN_BACKLOG }, () => {
  console.log(`dashboard: ready on http://${hostname}:${port}`);
});
