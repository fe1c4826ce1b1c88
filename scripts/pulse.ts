/**
 * `npm start`: the main job. Brings up the local lakehouse (Trino 476 + Iceberg, migrated) and
 * keeps it running until Ctrl-C, then shuts it down cleanly.
 */
import { connectionFor, templateVars } from "../lib/lakehouse/connection";
import { migrate } from "../lib/lakehouse/migrate";
import { start, stop } from "../lib/lakehouse/server";
import { instancePaths, instanceSettings, serverUrl } from "../lib/lakehouse/settings";

const log = (msg: string) => console.log(`[pulse] ${msg}`);

async function main(): Promise<void> {
  const s = instanceSettings("main");
  const t0 = Date.now();
  await start(s, log);
  const m = await migrate(connectionFor(s, "admin"), templateVars(s), log);
  log(`lakehouse ready in ${((Date.now() - t0) / 1000).toFixed(1)} s: ${serverUrl(s)} (catalog lakehouse), ${m.applied.length} migrations applied`);
  log(`data in ${instancePaths(s).warehouse}; Trino log: ${instancePaths(s).serverLog}`);
  log("running; press Ctrl-C to stop");

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: shutting down`);
    await stop(s, log);
    process.exit(0);
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  // Keep the event loop alive until a signal arrives.
  setInterval(() => undefined, 1 << 30);
}

main().catch((err: unknown) => {
  console.error(`[pulse] error: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
