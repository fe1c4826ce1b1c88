/**
 * Dims CDC (seed §3.2): applies a batch of dimension changes (full new rows, each with its change
 * time) to the current-state tables with MERGE and to the SCD2 history that point-in-time joins
 * read. Every step is idempotent, so a batch delivered twice, or re-applied after a crash, leaves
 * the same tables.
 */
import type { TrinoConnection } from "../../trino/client";
import { runJob } from "../job-sql";

export interface VideoChange {
  readonly video_id: string;
  readonly creator_id: string;
  readonly category: string;
  readonly hashtags: readonly string[];
  readonly duration_ms: number;
  readonly upload_ms: number;
  readonly status: string;
  readonly changed_ms: number;
}

export interface UserChange {
  readonly user_id: string;
  readonly register_country: string;
  readonly device_os: string;
  readonly is_creator: boolean;
  readonly ltv_segment: string;
  readonly join_ms: number;
  readonly changed_ms: number;
}

/** Keeps one MERGE source (a JSON literal) well under Trino's statement size limit. */
const MAX_CHANGES_PER_STATEMENT = 20_000;

async function applyInChunks<T>(conn: TrinoConnection, changes: readonly T[], steps: readonly string[]): Promise<void> {
  for (let i = 0; i < changes.length; i += MAX_CHANGES_PER_STATEMENT) {
    const json = JSON.stringify(changes.slice(i, i + MAX_CHANGES_PER_STATEMENT));
    for (const step of steps) await runJob(conn, step, { changes: json });
  }
}

export async function applyVideoChanges(conn: TrinoConnection, changes: readonly VideoChange[]): Promise<void> {
  if (changes.length === 0) return;
  await applyInChunks(conn, changes, ["dims_videos_upsert_current", "dims_videos_history_insert", "dims_videos_history_close"]);
}

export async function applyUserChanges(conn: TrinoConnection, changes: readonly UserChange[]): Promise<void> {
  if (changes.length === 0) return;
  await applyInChunks(conn, changes, ["dims_users_upsert_current", "dims_users_history_insert", "dims_users_history_close"]);
}
