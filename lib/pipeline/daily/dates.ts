/**
 * UTC calendar-date helpers shared by the daily jobs. Dates travel as 'YYYY-MM-DD' strings and
 * are validated by sqlDate, so a bad date fails before any SQL runs.
 */
import { sqlDate } from "../../trino/bind";

const DAY_MS = 86_400_000;

export interface DailyJobResult {
  readonly date: string;
  readonly rows: number;
  readonly durationMs: number;
}

export function addDays(date: string, days: number): string {
  sqlDate(date);
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The checkpoint batch_id of a daily job: the date as the integer yyyymmdd (what the live runner reads back). */
export function batchIdOf(date: string): number {
  sqlDate(date);
  return Number(date.replaceAll("-", ""));
}
