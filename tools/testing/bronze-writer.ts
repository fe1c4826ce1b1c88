/**
 * Test fixtures' direct way into Bronze: appends events with one SQL statement per
 * MAX_ROWS_PER_STATEMENT rows (sql/jobs/bronze_append_batch.sql), each one Iceberg commit, so a test
 * can place exact rows at exact delivery times without a broker. The pipeline itself ingests
 * through Kafka (lib/pipeline/kafka); nothing outside tests calls this.
 */
import type { BronzeEvent } from "../../lib/pipeline/bronze/event";
import { LIVE_WRITE_TIMEOUT_MS } from "../../lib/pipeline/bronze/event";
import { runJob } from "../../lib/pipeline/job-sql";
import type { TrinoConnection } from "../../lib/trino/client";

export type { BronzeEvent };
export { LIVE_WRITE_TIMEOUT_MS };

/** Rows per statement: keeps a statement well under Trino's query.max-length. */
export const MAX_ROWS_PER_STATEMENT = 25_000;

export function encodeBatch(events: readonly BronzeEvent[], ingestedAtMs: readonly (number | null)[] | null): string {
  return JSON.stringify(
    events.map((e, i) => [e.event_id, e.event_timestamp, e.video_id, e.user_id, e.event_type, e.raw_payload, ingestedAtMs ? ingestedAtMs[i] : null]),
  );
}

/**
 * `ingestedAtMs`: per-event delivery times (a backfill's); null for live-like writes, where Trino's
 * statement time becomes ingested_at.
 */
export async function writeBronze(
  conn: TrinoConnection,
  events: readonly BronzeEvent[],
  ingestedAtMs: readonly (number | null)[] | null = null,
  timeoutMs = LIVE_WRITE_TIMEOUT_MS,
): Promise<number> {
  let written = 0;
  for (let start = 0; start < events.length; start += MAX_ROWS_PER_STATEMENT) {
    const slice = events.slice(start, start + MAX_ROWS_PER_STATEMENT);
    const times = ingestedAtMs ? ingestedAtMs.slice(start, start + MAX_ROWS_PER_STATEMENT) : null;
    await runJob(conn, "bronze_append_batch", { batch: encodeBatch(slice, times) }, { timeoutMs });
    written += slice.length;
  }
  return written;
}
