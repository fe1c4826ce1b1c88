/**
 * Fixture helpers for the daily jobs' integration tests (test-only): Bronze events and SCD2 dim
 * versions written as admin, and whole-date snapshots for "a re-run changes nothing" checks.
 */
import { createHash } from "node:crypto";
import { insertRows, q, rows, testInstance } from "../../../tools/testing/trino-fixtures";
import { connectionFor } from "../../lakehouse/connection";
import { type SqlValue, sqlDate, sqlInstant } from "../../trino/bind";

export const SEC = 1000;
export const MIN = 60 * SEC;
export const HOUR = 60 * MIN;

export const writer = () => connectionFor(testInstance, "writer");

/** Epoch ms of `date` at hh:mm:ss UTC. */
export const at = (date: string, hh = 0, mm = 0, ss = 0) => Date.parse(`${date}T00:00:00Z`) + hh * HOUR + mm * MIN + ss * SEC;
const instant = (ms: number | null) => (ms === null ? null : sqlInstant(new Date(ms)));

/**
 * The session_id the Silver job is specified to give a session whose first event is at `isoStart`
 * (microsecond ISO-8601 in UTC, as Trino's to_iso8601 writes it): md5 hex of "user|start".
 */
export const sessionId = (user: string, isoStart: string) => createHash("md5").update(`${user}|${isoStart}`).digest("hex");

export interface Ev {
  readonly id: string;
  readonly user: string;
  readonly video: string;
  readonly type: string;
  readonly ms: number;
  readonly watch?: number;
  /** Payload override (e.g. a field missing); default: a full payload with `watch` (0 when unset). */
  readonly payload?: string;
  /** Delivery time; default: the event time + 1 minute. */
  readonly ingestedMs?: number;
}

export const payloadOf = (watch: number) => JSON.stringify({ device_model: "Pixel 8", network: "wifi", app_ver: "8.2.0", watch_time_ms: watch });

export async function insertBronze(events: readonly Ev[]): Promise<void> {
  await insertRows(
    "lakehouse.bronze.raw_events",
    ["event_id", "event_timestamp", "video_id", "user_id", "event_type", "raw_payload", "ingested_at"],
    events.map((e) => [e.id, instant(e.ms), e.video, e.user, e.type, e.payload ?? payloadOf(e.watch ?? 0), instant(e.ingestedMs ?? e.ms + MIN)]),
  );
}

/** One SCD2 version of a video, valid over [fromMs, toMs). */
export const videoVersion = (video: string, category: string, durationMs: number, fromMs: number, toMs: number | null): SqlValue[] => [
  video,
  "creator",
  category,
  ["#tag"],
  durationMs,
  instant(fromMs),
  "active",
  instant(fromMs),
  instant(toMs),
];
export const insertVideoVersions = (versions: SqlValue[][]) =>
  insertRows(
    "lakehouse.dims.dim_videos_history",
    ["video_id", "creator_id", "category", "hashtags", "duration_ms", "upload_time", "status", "valid_from", "valid_to"],
    versions,
  );

/** One SCD2 version of a user, valid over [fromMs, toMs). */
export const userVersion = (user: string, segment: string, fromMs: number, toMs: number | null): SqlValue[] => [
  user,
  "BR",
  "Android",
  false,
  segment,
  instant(fromMs),
  instant(fromMs),
  instant(toMs),
];
export const insertUserVersions = (versions: SqlValue[][]) =>
  insertRows(
    "lakehouse.dims.dim_users_history",
    ["user_id", "register_country", "device_os", "is_creator", "ltv_segment", "join_at", "valid_from", "valid_to"],
    versions,
  );

export async function clearDailyTables(): Promise<void> {
  for (const t of [
    "bronze.raw_events",
    "silver.fact_user_engagement",
    "gold.batch_video_daily",
    "gold.batch_platform_daily",
    "meta.job_checkpoints",
    "dims.dim_videos_history",
    "dims.dim_users_history",
  ]) {
    await q("admin", `DELETE FROM lakehouse.${t}`);
  }
}

export type SilverRow = {
  event_id: string;
  ts: string;
  date: string;
  user_id: string;
  video_id: string;
  session_id: string;
  event_type: string;
  watch_time_ms: number;
  video_duration_ms: number | null;
  completion_rate: number | null;
  ltv_segment_at_event: string | null;
  category_at_event: string | null;
  device_model: string | null;
  network: string | null;
  app_ver: string | null;
};

/** Every column of one Silver date, timestamps at full microsecond precision, sorted. */
export const silverRows = (date: string) =>
  rows<SilverRow>(
    "admin",
    `SELECT event_id, to_iso8601(event_timestamp) AS ts, CAST(date AS varchar) AS date, user_id, video_id, session_id, event_type,
            watch_time_ms, video_duration_ms, completion_rate, ltv_segment_at_event, category_at_event, device_model, network, app_ver
     FROM lakehouse.silver.fact_user_engagement WHERE date = :date ORDER BY event_timestamp, event_id`,
    { date: sqlDate(date) },
  );

export type GoldRow = {
  video_id: string;
  category_at_date: string | null;
  total_watch_time_hrs: number;
  completion_rate: number | null;
  unique_viewers: number;
  retention_d1: number | null;
  /** The denominators of every multi-day completion rate on /daily: started and finished (session, video) pairs. */
  plays_started: number;
  plays_finished: number;
  viewers_hll: string;
  updated_at: string;
};

/** Every column of one Gold date, sorted by video. */
export const goldRows = (date: string) =>
  rows<GoldRow>(
    "admin",
    `SELECT video_id, category_at_date, total_watch_time_hrs, completion_rate, unique_viewers, retention_d1, plays_started, plays_finished,
            to_base64(viewers_hll) AS viewers_hll, to_iso8601(updated_at) AS updated_at
     FROM lakehouse.gold.batch_video_daily WHERE date = :date ORDER BY video_id`,
    { date: sqlDate(date) },
  );

export const withoutUpdatedAt = (r: readonly GoldRow[]) => r.map(({ updated_at: _, ...rest }) => rest);

export type Checkpoint = { job: string; batch_id: number; state: string; complete_through: string; rows_written: number; detail: string };
export const checkpoints = (job: string) =>
  rows<Checkpoint>(
    "admin",
    `SELECT job, batch_id, state, to_iso8601(complete_through) AS complete_through, rows_written, detail
     FROM lakehouse.meta.job_checkpoints WHERE job = :job ORDER BY recorded_at, batch_id`,
    { job },
  );
