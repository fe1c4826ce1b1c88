/**
 * A stand-in for the live pipeline's process in the commit-safety test (lib/pipeline/rt/commit-safety.itest.ts):
 * sends one slow live Bronze write (slow-bronze-batch.ts, 1,000-byte payloads) with the given limit and waits for it.
 * The test kills this process while the write is in flight, so only Trino's own limit
 * (query_max_run_time, set by lib/trino/client.ts) can end the write.
 *   node --import tsx tools/testing/bronze-write-main.ts <id-prefix> <event-epoch-ms> <limit-ms>
 */
import { connectionFor } from "../../lib/lakehouse/connection";
import { writeBronze } from "../../lib/pipeline/bronze/writer";
import { slowBronzeBatch } from "./slow-bronze-batch";
import { testInstance } from "./trino-fixtures";

const [prefix, eventMs, limitMs] = process.argv.slice(2);
if (!prefix || !Number.isInteger(Number(eventMs)) || !Number.isInteger(Number(limitMs))) {
  console.error("usage: bronze-write-main.ts <id-prefix> <event-epoch-ms> <limit-ms>");
  process.exit(2);
}
writeBronze(connectionFor(testInstance, "writer"), slowBronzeBatch(prefix, "v_killed", Number(eventMs), 1000), null, Number(limitMs)).then(
  () => console.log("written"),
  (err: unknown) => {
    console.error(`failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
