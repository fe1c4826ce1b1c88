/**
 * Silver daily job (seed §3.1): rebuilds silver.fact_user_engagement for one UTC date from Bronze,
 * sessionized and point-in-time joined with the SCD2 dims, then records a 'silver_daily'
 * checkpoint, which Gold's retention_d1 waits for.
 *
 * Replacement is DELETE of the date's partition then INSERT, not MERGE: Trino's MERGE has no
 * WHEN NOT MATCHED BY SOURCE, so it cannot remove rows a fresh run would no longer produce (an
 * event gone from Bronze by retention, a copy stamped on another day), and a MERGE matching every
 * row of the day on event_id costs a join and delete files, while a delete of whole
 * day(event_timestamp) partitions is a metadata-only Iceberg commit. The price: between the two
 * commits readers see the date empty, and a crash in between leaves it empty, without a new
 * checkpoint, until the job is re-run (it is idempotent).
 */
import { sqlDate } from "../../trino/bind";
import type { TrinoConnection } from "../../trino/client";
import { runJob } from "../job-sql";
import { batchIdOf, type DailyJobResult } from "./dates";

export async function runSilverDaily(conn: TrinoConnection, date: string): Promise<DailyJobResult> {
  const t0 = Date.now();
  const day = sqlDate(date);
  await runJob(conn, "silver_delete_date", { date: day });
  const inserted = await runJob<{ rows: number }>(conn, "silver_insert_date", { date: day });
  const rows = Number(inserted.rows[0]?.rows ?? 0);
  await runJob(conn, "silver_checkpoint_record", { date: day, batch_id: batchIdOf(date), rows_written: rows, detail: date });
  return { date, rows, durationMs: Date.now() - t0 };
}
