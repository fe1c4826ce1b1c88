/**
 * A stand-in for the live pipeline's process in the commit-safety test (lib/pipeline/rt/commit-safety.itest.ts):
 * sends one slow live Bronze write (slow-bronze-batch.ts, 2,000-byte payloads, the very statement
 * writeBronze sends) with the given limit as Trino's session limit, follows the query once, prints
 * `created <query id>` and kills itself with SIGKILL: the sender is gone while the write is in flight,
 * so only Trino's own limit (query_max_run_time, as lib/trino/client.ts sets it) can end the write.
 * Why not runQuery, and why die here rather than be killed by the test: Trino 476 dispatches a POSTed
 * statement only when the client first follows nextUri, and on a loaded machine that first page came
 * after runQuery's own client-side deadline had already cancelled the write (USER_CANCELED), so the
 * test could never catch the sender alive with the write in flight.
 *   node --import tsx tools/testing/bronze-write-main.ts <id-prefix> <event-epoch-ms> <limit-ms>
 */
import { connectionFor } from "../../lib/lakehouse/connection";
import { jobStatement } from "../../lib/pipeline/job-sql";
import { createClient } from "../../lib/trino/client";
import { encodeBatch } from "./bronze-writer";
import { slowBronzeBatch } from "./slow-bronze-batch";
import { testInstance } from "./trino-fixtures";

const [prefix, eventMs, limitMs] = process.argv.slice(2);
if (!prefix || !Number.isInteger(Number(eventMs)) || !Number.isInteger(Number(limitMs))) {
  console.error("usage: bronze-write-main.ts <id-prefix> <event-epoch-ms> <limit-ms>");
  process.exit(2);
}

async function sendThenDie(): Promise<void> {
  const conn = connectionFor(testInstance, "writer");
  const batch = encodeBatch(slowBronzeBatch(prefix!, "v_killed", Number(eventMs), 2000), null);
  const client = createClient(conn, {}, Number(limitMs));
  const sql = jobStatement("bronze_append_batch", { batch }, {}, conn.catalog);
  const pages = await client.query(sql);
  // The first page: following nextUri is what makes Trino dispatch the statement.
  const first = await pages.next();
  const id = (first.value as { id?: string } | undefined)?.id;
  process.stdout.write(`created ${id}\n`, () => process.kill(process.pid, "SIGKILL"));
}

sendThenDie().catch((err: unknown) => {
  console.error(`failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
