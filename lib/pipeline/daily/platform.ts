/**
 * Gold daily, platform step: the one row of gold.batch_platform_daily for a UTC date, then the
 * platform D1 retention of that date and of the day before (whose next day this run completes).
 * Exact user sets, never a mean of per-video retention; formulas in the sql/jobs headers.
 */
import { sqlDate } from "../../trino/bind";
import type { TrinoConnection } from "../../trino/client";
import { runJob } from "../job-sql";
import { addDays, batchIdOf } from "./dates";

export async function runPlatformDaily(conn: TrinoConnection, date: string): Promise<void> {
  await runJob(conn, "gold_platform_daily_upsert_date", { date: sqlDate(date) });
  await runJob(conn, "gold_platform_daily_fill_retention", { date: sqlDate(date), next_batch_id: batchIdOf(addDays(date, 1)) });
  const previous = addDays(date, -1);
  await runJob(conn, "gold_platform_daily_fill_retention", { date: sqlDate(previous), next_batch_id: batchIdOf(date) });
}
