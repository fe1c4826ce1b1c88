/**
 * Gold daily job (seed §5.1): upserts gold.batch_video_daily for one UTC date from Silver and the
 * SCD2 video history, fills in the previous date's retention_d1 now that this date's Silver is
 * complete, builds the date's gold.batch_platform_daily row (platform.ts), and records a
 * 'gold_daily' checkpoint last, so a checkpointed date has every mart built.
 *
 * An upsert (MERGE) rather than delete + insert, so category_at_date stays frozen at the value
 * first written; rows of videos that no longer have Silver events are deleted first, so the date
 * still ends up holding exactly the rows a fresh run would produce. retention_d1 is written only by
 * gold_daily_fill_retention, one formula for "this date" and "the day before".
 */
import { sqlDate } from "../../trino/bind";
import type { TrinoConnection } from "../../trino/client";
import { runJob } from "../job-sql";
import { addDays, batchIdOf, type DailyJobResult } from "./dates";
import { runPlatformDaily } from "./platform";

export async function runGoldDaily(conn: TrinoConnection, date: string): Promise<DailyJobResult> {
  const t0 = Date.now();
  const day = sqlDate(date);
  await runJob(conn, "gold_daily_delete_stale", { date: day });
  const merged = await runJob<{ rows: number }>(conn, "gold_daily_upsert_date", { date: day });
  const rows = Number(merged.rows[0]?.rows ?? 0);
  await runJob(conn, "gold_daily_fill_retention", { date: day, next_batch_id: batchIdOf(addDays(date, 1)) });
  const previous = addDays(date, -1);
  await runJob(conn, "gold_daily_fill_retention", { date: sqlDate(previous), next_batch_id: batchIdOf(date) });
  await runPlatformDaily(conn, date);
  await runJob(conn, "gold_daily_checkpoint_record", { date: day, batch_id: batchIdOf(date), rows_written: rows, detail: date });
  return { date, rows, durationMs: Date.now() - t0 };
}
