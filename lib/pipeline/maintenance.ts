/**
 * Table maintenance (seed §6): the 7-day TTL of the RT log and its rollup, compaction of small files,
 * snapshot expiry and orphan-file removal. Runs one table at a time so its own commits never race each other.
 */
import { sqlInstant } from "../trino/bind";
import type { TrinoConnection } from "../trino/client";
import { runJob } from "./job-sql";

export const MAINTAINED_TABLES = [
  ["bronze", "raw_events"],
  ["silver", "fact_user_engagement"],
  ["dims", "dim_videos"],
  ["dims", "dim_users"],
  ["dims", "dim_videos_history"],
  ["dims", "dim_users_history"],
  ["gold", "rt_video_stats_1min"],
  ["gold", "rt_platform_15min"],
  ["gold", "batch_video_daily"],
  ["gold", "batch_platform_daily"],
  ["meta", "job_checkpoints"],
  ["meta", "ingest_checkpoints"],
] as const;

/** The RT log's TTL when the caller names none: PULSE_RT_TTL_DAYS's default (the seed said 7; see that setting). */
export const DEFAULT_RT_TTL_DAYS = 9;

export interface MaintenanceOptions {
  readonly ttlDays?: number;
  /** Must not be below the catalog's iceberg.expire-snapshots/remove-orphan-files min-retention. */
  readonly retention?: string;
  readonly fileSizeThreshold?: string;
}

export interface MaintenanceReport {
  /** RT log rows the TTL deleted. */
  readonly ttlDeletedRows: number;
  /** Rows of the log's rollup (gold.rt_platform_15min) it deleted. */
  readonly ttlDeletedRollupRows: number;
  readonly tables: number;
  readonly durationMs: number;
}

/** The RT log and its rollup (gold, keyed by window_start): the TTL and the 10-minute compaction apply to both. */
const RT_TABLES = ["rt_video_stats_1min", "rt_platform_15min"] as const;

export interface RtTtlResult {
  /** Rows with window_start before this instant were deleted (a UTC quarter-hour). */
  readonly cutoffMs: number;
  readonly logRows: number;
  readonly rollupRows: number;
}

/** Deletes the RT log's and its rollup's rows older than ttlDays, both below one quarter-hour cutoff. */
export async function runRtTtl(conn: TrinoConnection, ttlDays = DEFAULT_RT_TTL_DAYS): Promise<RtTtlResult> {
  const c = await runJob<{ cutoff_ms: number }>(conn, "maintenance_rt_ttl_cutoff", { retention_days: ttlDays });
  const cutoffMs = Number(c.rows[0]!.cutoff_ms);
  const cutoff = sqlInstant(new Date(cutoffMs));
  const deleteBefore = async (table: (typeof RT_TABLES)[number]) =>
    Number((await runJob<{ rows: number }>(conn, "maintenance_rt_ttl", { cutoff }, {}, { table })).rows[0]?.rows ?? 0);
  return { cutoffMs, logRows: await deleteBefore("rt_video_stats_1min"), rollupRows: await deleteBefore("rt_platform_15min") };
}

/**
 * Compaction of the RT log and its rollup alone, for between the hourly passes: each minute's
 * micro-batch adds up to 16 small files to the log (one per bucket) and one or two to the rollup,
 * and a read pays per file, so an hour of them (~900 files) doubled the dashboard's query time.
 * The tables are small, so this takes seconds.
 */
export async function compactRtLog(conn: TrinoConnection, fileSizeThreshold = "32MB"): Promise<void> {
  for (const table of RT_TABLES) {
    await runJob(conn, "maintenance_optimize", { file_size_threshold: fileSizeThreshold }, {}, { schema: "gold", table });
  }
}

export async function runMaintenance(
  conn: TrinoConnection,
  opts: MaintenanceOptions = {},
  log: (m: string) => void = () => undefined,
): Promise<MaintenanceReport> {
  const t0 = Date.now();
  const ttl = await runRtTtl(conn, opts.ttlDays ?? DEFAULT_RT_TTL_DAYS);
  for (const [schema, table] of MAINTAINED_TABLES) {
    const vars = { schema, table };
    await runJob(conn, "maintenance_optimize", { file_size_threshold: opts.fileSizeThreshold ?? "32MB" }, {}, vars);
    await runJob(conn, "maintenance_expire_snapshots", { retention: opts.retention ?? "1h" }, {}, vars);
    await runJob(conn, "maintenance_remove_orphan_files", { retention: opts.retention ?? "1h" }, {}, vars);
    log(`  maintained ${schema}.${table}`);
  }
  return { ttlDeletedRows: ttl.logRows, ttlDeletedRollupRows: ttl.rollupRows, tables: MAINTAINED_TABLES.length, durationMs: Date.now() - t0 };
}
