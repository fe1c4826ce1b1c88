/**
 * Appends events to Bronze in delivery batches. Each call is one Iceberg commit; batches larger
 * than MAX_ROWS_PER_STATEMENT are split so a statement stays well under Trino's query.max-length.
 */
import type { TrinoConnection } from "../../trino/client";
import { runJob } from "../job-sql";

export interface BronzeEvent {
  readonly event_id: string;
  /** Epoch milliseconds (UTC). */
  readonly event_timestamp: number;
  readonly video_id: string;
  readonly user_id: string;
  readonly event_type: string;
  readonly raw_payload: string;
}

export const MAX_ROWS_PER_STATEMENT = 25_000;
/** Live writes must finish within this; the micro-batch waits a little longer before reading. */
export const LIVE_WRITE_TIMEOUT_MS = 15_000;

export function encodeBatch(events: readonly BronzeEvent[], ingestedAtMs: readonly (number | null)[] | null): string {
  return JSON.stringify(
    events.map((e, i) => [e.event_id, e.event_timestamp, e.video_id, e.user_id, e.event_type, e.raw_payload, ingestedAtMs ? ingestedAtMs[i] : null]),
  );
}

/**
 * `ingestedAtMs`: per-event delivery times for a backfill; null for live writes, where Trino's
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
